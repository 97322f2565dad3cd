//! Both sizes side by side: every screen command on the large workspace and on the
//! extra-large one (`demo --size xl`, ten times the size), with their ratio. A command
//! whose time grows with the whole database shows a ratio near 10; one that reads only
//! what its screen shows stays near 1. On the extra-large workspace every screen command
//! is still held to DESIGN.md §6's 10 ms.

use std::path::Path;

use rollplan_core::demo::large::GeneratedSize;
use rollplan_core::Store;

use crate::measure::{ms, Bench, Budget, Figure, Value};
use crate::{find_landmarks, open_generated, screens, Landmarks};

pub fn run(bench: &mut Bench, large: &Store, at: &Landmarks, xl_path: &Path) {
    println!("\nBoth sizes: the screens on the large workspace, then on the extra-large one");
    let mut on_large = Bench::default();
    screens::run(&mut on_large, large, at);
    let xl = open_generated(xl_path, GeneratedSize::ExtraLarge, at.today);
    let xl_at = find_landmarks(&xl, at.today);
    println!(
        "extra-large screens open '{}' ({} tasks)",
        xl_at.rollout.name,
        xl.list_tasks(&xl_at.rollout.id).expect("tasks").len()
    );
    let mut on_xl = Bench::default();
    screens::run(&mut on_xl, &xl, &xl_at);
    print_side_by_side(&on_large.figures, &on_xl.figures);
    // The extra-large figures join the final table under their own area, held to the
    // screen commands' budget.
    for figure in on_xl.figures {
        if let Value::Time { .. } = figure.value {
            bench.figures.push(Figure {
                area: "Extra-large",
                what: format!("{} · {}", figure.area, figure.what),
                value: figure.value,
                budget: figure.budget,
            });
        }
    }
}

fn median(figure: &Figure) -> Option<std::time::Duration> {
    match figure.value {
        Value::Time { median, .. } => Some(median),
        _ => None,
    }
}

fn print_side_by_side(large: &[Figure], xl: &[Figure]) {
    println!(
        "\n{:<19} {:<44} {:>10} {:>12} {:>7} {:>8}",
        "area", "what", "large", "extra-large", "ratio", "budget"
    );
    for figure in xl {
        let Some(xl_median) = median(figure) else {
            continue;
        };
        let large_median = large
            .iter()
            .find(|f| f.area == figure.area && f.what == figure.what)
            .and_then(median);
        let ratio = large_median
            .filter(|d| !d.is_zero())
            .map(|d| format!("{:.1}", xl_median.as_secs_f64() / d.as_secs_f64()))
            .unwrap_or_default();
        let (budget, mark) = match figure.budget {
            Budget::Median(limit) => (
                format!("< {}", ms(limit)),
                if xl_median < limit { "✓" } else { "✗" },
            ),
            _ => (String::from("—"), ""),
        };
        println!(
            "{:<19} {:<44} {:>10} {:>12} {:>7} {:>8} {mark}",
            figure.area,
            figure.what,
            large_median.map(ms).unwrap_or_default(),
            ms(xl_median),
            ratio,
            budget,
        );
    }
}
