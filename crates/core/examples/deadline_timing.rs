//! Times computing one deadline from nothing: parsing a calendar file (the
//! largest shipped: Russia's, with every decree since 2000) and counting 10
//! working days across New Year, the worst case of a deadline. `cargo xtask
//! bench` runs it; the target is at most 1 ms per deadline, load included.

use std::time::Instant;

use juris_core::calendar::Calendars;
use juris_core::jiff::civil::date;
use juris_core::time::{Count, Period, due_date};

const RU: &str = include_str!("../../../plugins/russia/calendars/ru.toml");
const DE: &str = include_str!("../../../plugins/eea-uk/calendars/de.toml");
const DE_BY: &str = include_str!("../../../plugins/eea-uk/calendars/de-by.toml");

fn main() {
    let runs = 200;
    let mut times = Vec::with_capacity(runs);
    for i in 0..runs {
        let started = Instant::now();
        let set =
            Calendars::parse(&[("ru.toml", RU), ("de.toml", DE), ("de-by.toml", DE_BY)]).expect("valid calendars");
        let ru = set.get("ru").expect("ru");
        let received = date(2026, 12, 20 + (i % 10) as i8);
        let due = due_date(received, Count::exact(Period::WorkingDays(10)), ru);
        let by = set.get("de-by").expect("de-by");
        let month = due_date(received, Count::rolling(Period::Months(1)), by);
        std::hint::black_box((due, month));
        times.push(started.elapsed());
    }
    times.sort();
    let median = times[runs / 2];
    let worst = times[runs - 1];
    println!(
        "deadline with calendar load: median {:.3} ms, worst {:.3} ms over {runs} runs (target 1 ms)",
        median.as_secs_f64() * 1e3,
        worst.as_secs_f64() * 1e3
    );
}
