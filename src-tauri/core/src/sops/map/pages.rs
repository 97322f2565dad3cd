//! Splitting a tall map into printed pages: cut only where no box spans the cut, so
//! every box is whole on one page; the renderer repeats the lane headings on each.

use super::ProcessMap;

/// `(top, bottom)` of each page's slice of the map below its headings, each at most
/// `page_height` tall; only where no gap between boxes fits on a page (one box taller
/// than a page) is the cut made at the page's height.
pub(super) fn slices(map: &ProcessMap, page_height: f64) -> Vec<(f64, f64)> {
    let top = map.header_height;
    if map.height <= top {
        return Vec::new();
    }
    let page_height = page_height.max(1.0);
    // The vertical spans boxes take, merged: a cut may fall anywhere outside them.
    let mut spans: Vec<(f64, f64)> = map.nodes.iter().map(|n| (n.y, n.y + n.height)).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut merged: Vec<(f64, f64)> = Vec::new();
    for (start, end) in spans {
        match merged.last_mut() {
            Some(last) if start < last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    let mut pages = Vec::new();
    let mut from = top;
    while map.height - from > page_height {
        let limit = from + page_height;
        // The last cut that fits: the middle of a gap between spans, or failing that
        // the page's own limit.
        let cut = merged
            .windows(2)
            .map(|w| (w[0].1 + w[1].0) / 2.0)
            .filter(|c| *c > from && *c <= limit)
            .fold(None, |_, c| Some(c))
            .unwrap_or(limit);
        pages.push((from, cut));
        from = cut;
    }
    pages.push((from, map.height));
    pages
}
