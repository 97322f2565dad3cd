//! Percentages written as fractions: Excel stores a cell formatted as 12% as 0.12, so a
//! percentage metric whose plain numbers in the file all lie between 0 and 1 is read as
//! fractions; one that mixes them with plain numbers above 1 is ambiguous and refused.

use super::Reading;
use crate::import::TableRow;
use crate::metrics::format::number_text;
use crate::metrics::{Metric, MetricUnit};

/// Which percentage metrics have their plain numbers written as fractions; refuses a
/// metric that mixes fractions with plain numbers above 1.
pub(super) fn percent_readings<'t>(
    metrics: &[Metric],
    readings: &[Reading<'t>],
) -> std::result::Result<Vec<bool>, (&'t TableRow, String)> {
    let mut fraction: Vec<Option<&Reading<'t>>> = vec![None; metrics.len()];
    let mut above_one: Vec<Option<&Reading<'t>>> = vec![None; metrics.len()];
    for reading in readings {
        let cell = reading.cell;
        if metrics[reading.metric].unit != MetricUnit::Percent || cell.percent_sign {
            continue;
        }
        if cell.number > 0.0 && cell.number < 1.0 {
            fraction[reading.metric].get_or_insert(reading);
        } else if cell.number > 1.0 {
            above_one[reading.metric].get_or_insert(reading);
        }
    }
    let mut fractions = vec![false; metrics.len()];
    for (metric, (fraction, above)) in fraction.iter().zip(&above_one).enumerate() {
        match (fraction, above) {
            (Some(f), Some(a)) => {
                let as_fraction = number_text(f.cell.number * 100.0);
                return Err((
                    f.row,
                    format!(
                        "'{}' for {} could mean {as_fraction}% (a fraction) or {}%, and row {} \
                         of the same metric has {} — write {as_fraction}% or {}% to say which",
                        f.text, metrics[metric].name, f.text, a.row.line, a.text, f.text
                    ),
                ));
            }
            (Some(_), None) => fractions[metric] = true,
            _ => {}
        }
    }
    Ok(fractions)
}
