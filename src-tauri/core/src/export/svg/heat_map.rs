//! The 5×5 risk heat map: likelihood up, impact across, open risks counted per cell.
//! Cells are shaded from light (low) to dark (high), so the bands read in greyscale
//! and for colour-blind readers, and a legend of swatches names each band's scores.

use super::legend::{legend, Swatch};
use super::{colour, open_svg, px, Svg};
use crate::workspace::{RiskBand, RiskHeatMap};

const CELL: f64 = 44.0;
const LEFT: f64 = 64.0;
const TOP: f64 = 8.0;
/// Room on the right for the legend's longest words.
const WIDTH: f64 = LEFT + 5.0 * CELL + 60.0;

/// A band's fill and the ink of a count drawn on it.
fn band_colours(band: RiskBand) -> (&'static str, &'static str) {
    match band {
        RiskBand::Low => ("#e8eef4", colour::INK),
        RiskBand::Medium => ("#f2b85c", colour::INK),
        RiskBand::High => ("#b84f00", "white"),
    }
}

/// The band of a cell, as the map says (the same bands as the risk list).
fn band_at(map: &RiskHeatMap, likelihood: usize, impact: usize) -> RiskBand {
    map.bands
        .get(likelihood - 1)
        .and_then(|row| row.get(impact - 1))
        .copied()
        .unwrap_or(RiskBand::Low)
}

fn count_at(map: &RiskHeatMap, likelihood: usize, impact: usize) -> i64 {
    map.counts
        .get(likelihood - 1)
        .and_then(|row| row.get(impact - 1))
        .copied()
        .unwrap_or(0)
}

/// The lowest and highest likelihood × impact score of each band, read from the map.
fn band_scores(map: &RiskHeatMap, band: RiskBand) -> Option<(usize, usize)> {
    let scores = (1..=5)
        .flat_map(|l| (1..=5).map(move |i| (l, i)))
        .filter(|&(l, i)| band_at(map, l, i) == band)
        .map(|(l, i)| l * i);
    Some((scores.clone().min()?, scores.max()?))
}

/// What the map shows, in a sentence: how many open risks, and how many in each band.
fn alt_text(map: &RiskHeatMap) -> String {
    let mut total = 0;
    let mut per_band = [0i64; 3];
    for l in 1..=5 {
        for i in 1..=5 {
            let count = count_at(map, l, i);
            total += count;
            per_band[match band_at(map, l, i) {
                RiskBand::High => 0,
                RiskBand::Medium => 1,
                RiskBand::Low => 2,
            }] += count;
        }
    }
    let risks = if total == 1 { "risk" } else { "risks" };
    format!(
        "Risk heat map of {total} open {risks} by likelihood and impact: {} high, {} medium, {} low.",
        per_band[0], per_band[1], per_band[2]
    )
}

/// The heat map as SVG: cells shaded by their band, each with its count.
pub fn heat_map_svg(map: &RiskHeatMap) -> Svg {
    let labels: Vec<String> = [RiskBand::Low, RiskBand::Medium, RiskBand::High]
        .iter()
        .map(|band| match band_scores(map, *band) {
            Some((low, high)) => format!("{} ({low}–{high})", band.label()),
            None => band.label().to_owned(),
        })
        .collect();
    let items: Vec<(Swatch<'_>, &str)> = [RiskBand::Low, RiskBand::Medium, RiskBand::High]
        .iter()
        .zip(&labels)
        .map(|(band, label)| (Swatch::Fill(band_colours(*band).0), label.as_str()))
        .collect();
    let key_top = TOP + 5.0 * CELL + 42.0;
    let (key, key_height) = legend(&items, 8.0, key_top, WIDTH - 16.0);
    let height = key_top + key_height + 4.0;
    let alt = alt_text(map);
    let mut svg = open_svg("heat-map", WIDTH, height, true, &alt);
    for likelihood in 1..=5usize {
        let y = TOP + (5 - likelihood) as f64 * CELL;
        for impact in 1..=5usize {
            let x = LEFT + (impact - 1) as f64 * CELL;
            let count = count_at(map, likelihood, impact);
            let band = band_at(map, likelihood, impact);
            let (fill, ink) = band_colours(band);
            svg.push_str(&format!(
                r#"<rect x="{}" y="{}" width="{c}" height="{c}" fill="{fill}" stroke="white" stroke-width="2"><title>Likelihood {likelihood} × impact {impact} ({} band): {count} open</title></rect>"#,
                px(x),
                px(y),
                band.label().to_lowercase(),
                c = px(CELL),
            ));
            if count > 0 {
                svg.push_str(&format!(
                    r#"<text x="{}" y="{}" text-anchor="middle" font-size="15" font-weight="700" fill="{ink}">{count}</text>"#,
                    px(x + CELL / 2.0),
                    px(y + CELL / 2.0 + 5.0),
                ));
            }
        }
        svg.push_str(&format!(
            r#"<text x="{}" y="{}" text-anchor="end" font-size="11" fill="{}">{likelihood}</text>"#,
            px(LEFT - 6.0),
            px(y + CELL / 2.0 + 4.0),
            colour::MUTED
        ));
    }
    for impact in 1..=5i64 {
        svg.push_str(&format!(
            r#"<text x="{}" y="{}" text-anchor="middle" font-size="11" fill="{}">{impact}</text>"#,
            px(LEFT + (impact as f64 - 0.5) * CELL),
            px(TOP + 5.0 * CELL + 14.0),
            colour::MUTED
        ));
    }
    svg.push_str(&format!(
        r#"<text x="{}" y="{}" text-anchor="middle" font-size="11" fill="{m}">Impact →</text><text x="14" y="{}" text-anchor="middle" font-size="11" fill="{m}" transform="rotate(-90 14 {})">Likelihood →</text>"#,
        px(LEFT + 2.5 * CELL),
        px(TOP + 5.0 * CELL + 32.0),
        px(TOP + 2.5 * CELL),
        px(TOP + 2.5 * CELL),
        m = colour::MUTED
    ));
    svg.push_str(&key);
    svg.push_str("</svg>");
    Svg::new(alt, svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heat_map_places_counts_and_labels_every_cell() {
        let mut counts = vec![vec![0i64; 5]; 5];
        counts[4][3] = 2;
        counts[0][0] = 1;
        let svg = heat_map_svg(&RiskHeatMap::new(counts));
        assert_eq!(
            svg.markup.matches("<title>Likelihood").count(),
            25,
            "one cell per likelihood × impact"
        );
        assert!(svg
            .markup
            .contains("Likelihood 5 × impact 4 (high band): 2 open"));
        assert!(
            svg.markup.contains(">2</text>"),
            "the count is drawn in its cell"
        );
        assert_eq!(
            svg.alt,
            "Risk heat map of 3 open risks by likelihood and impact: 2 high, 0 medium, 1 low."
        );
        for band in ["Low (1–6)", "Medium (8–12)", "High (15–25)"] {
            assert!(
                svg.markup.contains(&format!(">{band}</text>")),
                "the legend names {band} beside its swatch"
            );
        }
    }

    #[test]
    fn the_bands_differ_in_lightness_so_they_read_in_greyscale() {
        let lightness = |hex: &str| {
            let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0);
            let (r, g, b) = ((v >> 16) & 255, (v >> 8) & 255, v & 255);
            0.299 * r as f64 + 0.587 * g as f64 + 0.114 * b as f64
        };
        let low = lightness(band_colours(RiskBand::Low).0);
        let medium = lightness(band_colours(RiskBand::Medium).0);
        let high = lightness(band_colours(RiskBand::High).0);
        assert!(
            low - medium > 40.0 && medium - high > 40.0,
            "low, medium and high are clearly lighter to darker: {low} {medium} {high}"
        );
    }
}
