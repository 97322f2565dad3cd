//! The 5×5 risk heat map: likelihood up, impact across, open risks counted per cell.

use super::{colour, px};
use crate::workspace::{RiskBand, RiskHeatMap};

const CELL: f64 = 44.0;
const LEFT: f64 = 64.0;
const TOP: f64 = 8.0;

/// The heat map as SVG: cells coloured by likelihood × impact, each with its count.
pub fn heat_map_svg(map: &RiskHeatMap) -> String {
    let width = LEFT + 5.0 * CELL + 8.0;
    let height = TOP + 5.0 * CELL + 44.0;
    let mut svg = format!(
        r#"<svg class="heat-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-label="Risk heat map: likelihood by impact">"#,
        w = px(width),
        h = px(height)
    );
    for likelihood in 1..=5i64 {
        let y = TOP + (5 - likelihood) as f64 * CELL;
        for impact in 1..=5i64 {
            let x = LEFT + (impact - 1) as f64 * CELL;
            let count = map
                .counts
                .get(likelihood as usize - 1)
                .and_then(|row| row.get(impact as usize - 1))
                .copied()
                .unwrap_or(0);
            svg.push_str(&format!(
                r#"<rect x="{}" y="{}" width="{c}" height="{c}" fill="{}" stroke="white" stroke-width="2"><title>Likelihood {likelihood} × impact {impact}: {count} open</title></rect>"#,
                px(x),
                px(y),
                score_colour(likelihood * impact),
                c = px(CELL),
            ));
            if count > 0 {
                svg.push_str(&format!(
                    r#"<text x="{}" y="{}" text-anchor="middle" font-size="15" font-weight="700" fill="{}">{count}</text>"#,
                    px(x + CELL / 2.0),
                    px(y + CELL / 2.0 + 5.0),
                    colour::INK
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
        r#"<text x="{}" y="{}" text-anchor="middle" font-size="11" fill="{m}">Impact →</text><text x="14" y="{}" text-anchor="middle" font-size="11" fill="{m}" transform="rotate(-90 14 {})">Likelihood →</text></svg>"#,
        px(LEFT + 2.5 * CELL),
        px(TOP + 5.0 * CELL + 34.0),
        px(TOP + 2.5 * CELL),
        px(TOP + 2.5 * CELL),
        m = colour::MUTED
    ));
    svg
}

/// Green for low scores through red for the highest, as risk registers usually shade.
/// A cell's colour: its score's band, as the risk list and every export band it.
fn score_colour(score: i64) -> &'static str {
    match RiskBand::of(score) {
        RiskBand::Low => "#d1fae5",
        RiskBand::Medium => "#fef3c7",
        RiskBand::High => "#fecaca",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heat_map_places_counts_and_labels_every_cell() {
        let mut counts = vec![vec![0i64; 5]; 5];
        counts[4][3] = 2;
        let svg = heat_map_svg(&RiskHeatMap::new(counts));
        assert_eq!(
            svg.matches("<rect").count(),
            25,
            "one cell per likelihood × impact"
        );
        assert!(svg.contains("Likelihood 5 × impact 4: 2 open"));
        assert!(svg.contains(">2</text>"), "the count is drawn in its cell");
    }
}
