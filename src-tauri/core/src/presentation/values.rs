//! How a metric value reads in its unit ("12 min", "1 day", "-$500"): the affixes of
//! every unit, and a set of values formatted by the core's own formatter. The UI's
//! formatter builds its text from the affixes and is tested against every sample, so a
//! value reads the same on screen as in an export.

use super::labels::wire_code;
use super::typescript::{header, import_binding, string};
use crate::metrics::format::{unit_affixes, value_text};
use crate::metrics::MetricUnit;

/// Values that exercise every rule: rounding to one decimal, thousands, the sign before
/// a prefix, exactly one, and a negative that rounds to zero.
const SAMPLE_VALUES: [f64; 16] = [
    0.0,
    1.0,
    -1.0,
    1.04,
    2.0,
    3.25,
    12.0,
    12.25,
    41.0,
    0.05,
    -0.04,
    999.96,
    1200.0,
    -500.0,
    -1_234_567.5,
    1_000_000.0,
];

/// `values.ts`: `UNIT_AFFIXES` for the formatter and `VALUE_SAMPLES` for its test.
pub(super) fn module() -> String {
    let mut text = header("how a metric value reads in its unit");
    text.push_str(&import_binding("MetricUnit"));
    text.push_str(
        "\n/** What goes around a number in each unit; `suffix_one` follows exactly 1. */\n\
         export const UNIT_AFFIXES: Readonly<Record<MetricUnit, { prefix: string; suffix: string; suffix_one: string }>> = {\n",
    );
    for unit in MetricUnit::ALL {
        let affixes = unit_affixes(*unit);
        text.push_str(&format!(
            "  {}: {{ prefix: {}, suffix: {}, suffix_one: {} }},\n",
            wire_code(unit),
            string(affixes.prefix),
            string(affixes.suffix),
            string(affixes.suffix_one)
        ));
    }
    text.push_str(
        "};\n\n/** Values as the core formats them: the UI's formatter must agree on each. */\n\
         export const VALUE_SAMPLES: ReadonlyArray<readonly [number, MetricUnit, string]> = [\n",
    );
    for unit in MetricUnit::ALL {
        for value in SAMPLE_VALUES {
            text.push_str(&format!(
                "  [{value}, {}, {}],\n",
                string(&wire_code(unit)),
                string(&value_text(value, *unit))
            ));
        }
    }
    text.push_str("];\n");
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_are_the_cores_own_text() {
        let text = module();
        assert!(
            text.contains("  [12, \"minutes\", \"12 min\"],\n"),
            "{text}"
        );
        assert!(text.contains("  [1, \"days\", \"1 day\"],\n"));
        assert!(text.contains("  [-500, \"dollars\", \"-$500\"],\n"));
        assert!(
            text.contains("  days: { prefix: \"\", suffix: \" days\", suffix_one: \" day\" },\n")
        );
    }
}
