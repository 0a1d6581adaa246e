//! Work split across the machine's cores, for the parts of a large check
//! that are independent per finding (locating, rendering text). Small inputs
//! stay on the calling thread: a thread costs tens of microseconds, the
//! bundled example's whole check a few milliseconds.

/// Items below which one thread does all the work.
const PARALLEL_FROM: usize = 256;

/// `f` of every item, in the items' order, computed on as many threads as
/// there are cores, each taking one contiguous part.
pub fn map_in_order<T: Send, U: Send>(mut items: Vec<T>, f: impl Fn(T) -> U + Sync) -> Vec<U> {
    // The length first: asking for the cores reads cgroup files, which the
    // bundled example's few findings need not pay for.
    let workers = if items.len() < PARALLEL_FROM { 1 } else { cores() };
    if workers <= 1 {
        return items.into_iter().map(f).collect();
    }
    let size = items.len().div_ceil(workers);
    let mut parts = Vec::with_capacity(workers);
    while items.len() > size {
        parts.push(items.split_off(items.len() - size));
    }
    parts.push(items);
    parts.reverse();
    let total: usize = parts.iter().map(Vec::len).sum();
    let f = &f;
    let mapped: Vec<Vec<U>> = std::thread::scope(|scope| {
        let handles: Vec<_> =
            parts.into_iter().map(|part| scope.spawn(move || part.into_iter().map(f).collect::<Vec<U>>())).collect();
        handles.into_iter().map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    });
    // Joined into the first part, grown once: flattening grew a new vector
    // by doubling, copying 200,000 located findings over and over.
    let mut parts = mapped.into_iter();
    let mut joined = parts.next().unwrap_or_default();
    joined.reserve_exact(total - joined.len());
    for part in parts {
        joined.extend(part);
    }
    joined
}

/// The cores this process may use, asked once (the standard library reads
/// the cgroup limits at every call).
pub fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_items_order_at_every_size() {
        for n in [0, 1, 255, 256, 257, 1000, 4097] {
            let items: Vec<usize> = (0..n).collect();
            let mapped = map_in_order(items, |i| i * 2);
            assert_eq!(mapped, (0..n).map(|i| i * 2).collect::<Vec<_>>(), "{n} items");
        }
    }
}
