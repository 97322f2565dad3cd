//! Timing, and every figure kept for the table against DESIGN.md §6 at the end.
//!
//! Samples are taken until there are 200 of them or two seconds have passed (at least
//! five), so a slow command cannot hold the run up for minutes.

use std::time::{Duration, Instant};

const MAX_SAMPLES: usize = 200;
const MIN_SAMPLES: usize = 5;
const TIME_PER_FIGURE: Duration = Duration::from_secs(2);

/// What DESIGN.md §6 asks of a figure.
#[derive(Clone, Copy)]
pub enum Budget {
    /// The median under this.
    Median(Duration),
    /// Rows per second at least this share of a raw insert's.
    OfRawSpeed(f64),
    /// At most this multiple of an empty Tauri window's figure.
    OfEmptyWindow(f64),
    /// A file under this many bytes.
    Bytes(u64),
    /// No budget of its own (shown for context).
    None,
}

/// Every command the UI calls answers in under 10 ms at the median.
pub const COMMAND: Budget = Budget::Median(Duration::from_millis(10));

pub enum Value {
    Time {
        median: Duration,
        p95: Duration,
        bytes: Option<usize>,
    },
    /// Rows per second through the import, and through a raw insert.
    Speed {
        import: f64,
        raw: f64,
    },
    /// A figure of the Rollplan window beside the same of an empty Tauri window: in
    /// seconds, or else in bytes.
    Beside {
        rollplan: f64,
        empty: f64,
        seconds: bool,
    },
    File {
        bytes: u64,
    },
}

pub struct Figure {
    pub area: &'static str,
    pub what: String,
    pub value: Value,
    pub budget: Budget,
}

impl Figure {
    /// Whether the figure meets its budget; `None` when there is none to meet.
    pub fn verdict(&self) -> Option<bool> {
        match (&self.value, self.budget) {
            (Value::Time { median, .. }, Budget::Median(limit)) => Some(*median < limit),
            (Value::Speed { import, raw }, Budget::OfRawSpeed(share)) => {
                Some(*import >= raw * share)
            }
            (Value::Beside { rollplan, .. }, Budget::Median(limit)) => {
                Some(*rollplan < limit.as_secs_f64())
            }
            (
                Value::Beside {
                    rollplan, empty, ..
                },
                Budget::OfEmptyWindow(times),
            ) => Some(*rollplan <= empty * times),
            (Value::File { bytes }, Budget::Bytes(limit)) => Some(*bytes < limit),
            _ => None,
        }
    }
}

#[derive(Default)]
pub struct Bench {
    pub figures: Vec<Figure>,
    area: &'static str,
}

impl Bench {
    /// Starts the timed figures of one screen or part.
    pub fn area(&mut self, area: &'static str, note: &str) {
        self.begin(area, note);
        println!("  {:<46} {:>10} {:>10} {:>10}", "", "median", "p95", "size");
    }

    /// Starts the figures of a part without a column header.
    pub fn begin(&mut self, area: &'static str, note: &str) {
        self.area = area;
        println!("\n{area}{}{note}", if note.is_empty() { "" } else { ": " });
    }

    /// Times `f` and keeps the figure under `budget`.
    pub fn time(&mut self, what: &str, budget: Budget, f: impl FnMut()) {
        self.sized(what, budget, None, f);
    }

    /// Times `f`, which produces `bytes` of output each time.
    pub fn sized(&mut self, what: &str, budget: Budget, bytes: Option<usize>, f: impl FnMut()) {
        let samples = samples(f);
        let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
        let (median, p95) = (at(0.5), at(0.95));
        println!(
            "  {what:<46} {:>10} {:>10} {:>10}",
            ms(median),
            ms(p95),
            bytes.map(size).unwrap_or_default()
        );
        self.figures.push(Figure {
            area: self.area,
            what: what.to_owned(),
            value: Value::Time { median, p95, bytes },
            budget,
        });
    }

    pub fn push(&mut self, what: &str, value: Value, budget: Budget) {
        self.figures.push(Figure {
            area: self.area,
            what: what.to_owned(),
            value,
            budget,
        });
    }
}

/// Runs `f` once to warm caches, then samples it; sorted, shortest first.
fn samples(mut f: impl FnMut()) -> Vec<Duration> {
    f();
    let started = Instant::now();
    let mut samples = Vec::new();
    while samples.len() < MAX_SAMPLES
        && (samples.len() < MIN_SAMPLES || started.elapsed() < TIME_PER_FIGURE)
    {
        let start = Instant::now();
        f();
        samples.push(start.elapsed());
    }
    samples.sort();
    samples
}

pub fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms < 10.0 {
        format!("{ms:.2} ms")
    } else if ms < 1000.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{:.2} s", ms / 1e3)
    }
}

pub fn size(bytes: usize) -> String {
    match bytes {
        b if b < 10 * 1024 => format!("{b} B"),
        b if b < 10 * 1024 * 1024 => format!("{:.0} KB", b as f64 / 1024.0),
        b => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
    }
}

/// Decimal megabytes, as package sizes are quoted.
pub fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

pub fn rate(rows_per_second: f64) -> String {
    format!("{:.0} rows/s", rows_per_second)
}

/// The table of every figure against its budget: timings first, then imports.
pub fn print_table(figures: &[Figure]) {
    println!("\nEvery figure against its budget (DESIGN.md §6)\n");
    println!(
        "{:<19} {:<44} {:>10} {:>10} {:>9} {:>10}",
        "area", "what", "median", "p95", "size", "budget"
    );
    for figure in figures {
        let budget = match figure.budget {
            Budget::Median(limit) => format!("< {}", ms(limit)),
            Budget::OfRawSpeed(share) => format!("≥ {share:.2}"),
            Budget::OfEmptyWindow(times) => format!("≤ {times:.2}×"),
            Budget::Bytes(limit) => format!("< {}", megabytes(limit)),
            Budget::None => "—".into(),
        };
        let (area, what, mark) = (figure.area, &figure.what, mark(figure));
        match &figure.value {
            Value::Time { median, p95, bytes } => println!(
                "{area:<19} {what:<44} {:>10} {:>10} {:>9} {budget:>10} {mark}",
                ms(*median),
                ms(*p95),
                bytes.map(size).unwrap_or_default(),
            ),
            Value::Speed { .. } | Value::Beside { .. } => {}
            Value::File { bytes } => println!(
                "{area:<19} {what:<44} {:>10} {:>10} {:>9} {budget:>10} {mark}",
                "",
                "",
                megabytes(*bytes),
            ),
        }
    }
    if figures
        .iter()
        .any(|f| matches!(f.value, Value::Speed { .. }))
    {
        println!(
            "\n{:<19} {:<44} {:>14} {:>14} {:>6} {:>7}",
            "area", "what", "import", "raw insert", "ratio", "budget"
        );
    }
    for figure in figures {
        if let (Value::Speed { import, raw }, Budget::OfRawSpeed(share)) =
            (&figure.value, figure.budget)
        {
            println!(
                "{:<19} {:<44} {:>14} {:>14} {:>6.2} {:>7} {}",
                figure.area,
                figure.what,
                rate(*import),
                rate(*raw),
                import / raw,
                format!("≥ {share:.2}"),
                mark(figure)
            );
        }
    }
    if figures
        .iter()
        .any(|f| matches!(f.value, Value::Speed { .. }))
    {
        println!(
            "{:<19} import: the file read, every row checked, the rows and their audit \
             entries written in one transaction;\n{:<19} not its before-import backup \
             (timed on its own row above). Raw insert: the same rows into the same tables, \
             prepared beforehand; no checks, no audit entries.",
            "", ""
        );
    }
    print_window_table(figures);
    let over = figures
        .iter()
        .filter(|f| f.verdict() == Some(false))
        .count();
    let within = figures.iter().filter(|f| f.verdict() == Some(true)).count();
    println!("\n{within} within budget, {over} over (figures only: nothing here fails a build)");
}

/// Rollplan's window beside the empty Tauri window, with the ratio.
fn print_window_table(figures: &[Figure]) {
    let beside: Vec<_> = figures
        .iter()
        .filter(|f| matches!(f.value, Value::Beside { .. }))
        .collect();
    if beside.is_empty() {
        return;
    }
    println!(
        "\n{:<19} {:<44} {:>10} {:>12} {:>6} {:>10}",
        "area", "what", "Rollplan", "empty window", "ratio", "budget"
    );
    for figure in beside {
        let Value::Beside {
            rollplan,
            empty,
            seconds,
        } = figure.value
        else {
            continue;
        };
        let show = |value: f64| {
            if seconds {
                ms(Duration::from_secs_f64(value))
            } else {
                size(value as usize)
            }
        };
        let budget = match figure.budget {
            Budget::Median(limit) => format!("< {}", ms(limit)),
            Budget::OfEmptyWindow(times) => format!("≤ {times:.2}×"),
            _ => "—".into(),
        };
        println!(
            "{:<19} {:<44} {:>10} {:>12} {:>6.2} {budget:>10} {}",
            figure.area,
            figure.what,
            show(rollplan),
            show(empty),
            rollplan / empty,
            mark(figure)
        );
    }
}

fn mark(figure: &Figure) -> &'static str {
    match figure.verdict() {
        Some(true) => "✓",
        Some(false) => "✗",
        None => "",
    }
}
