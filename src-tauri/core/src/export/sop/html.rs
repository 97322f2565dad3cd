//! An SOP as a self-contained, print-ready HTML page.

use super::SopDocument;
use crate::export::svg::{sop_map_svg, MapTheme};
use crate::export::text::html_escape as e;

const STYLE: &str = "body{margin:0;color:#1f2933;font:14px/1.5 -apple-system,\"Segoe UI\",Roboto,Arial,sans-serif}\
main{max-width:820px;margin:0 auto;padding:32px 28px}h1{font-size:26px;margin:0 0 12px}\
h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid #0f766e;padding-bottom:4px}\
table{width:100%;border-collapse:collapse;font-size:13px;margin:8px 0}th,td{text-align:left;vertical-align:top;padding:5px 8px;border:1px solid #d9dee4;overflow-wrap:anywhere}\
th{background:#f5f7fa}table.header th{width:160px}ol.steps{padding-left:24px}ol.steps li{margin:0 0 10px;break-inside:avoid}\
.draft{border:2px solid #b42318;color:#b42318;font-weight:700;padding:8px 12px;margin:0 0 12px}.role{font-weight:700}.check{color:#92400e;font-size:13px}.pre{white-space:pre-wrap}\
.map{margin:8px 0;overflow-x:auto}.map svg{display:block;max-width:100%;height:auto}.caption{color:#616e7c;font-size:13px;margin:4px 0}.flag{color:#b42318;font-size:13px;margin:4px 0}\
footer{max-width:820px;margin:0 auto;padding:8px 28px;border-top:1px solid #d9dee4;color:#616e7c;font-size:11px}\
@page{margin:16mm}@media print{main{padding:0}tr{break-inside:avoid}h2{break-after:avoid}}";

/// The SOP as an HTML document.
pub fn sop_html(document: &SopDocument) -> String {
    let sop = &document.sop;
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>{} {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{} — {}</h1>\n",
        e(&sop.code),
        e(&sop.title),
        e(&sop.code),
        e(&sop.title)
    );
    let standing = document.standing();
    if !standing.notice.is_empty() {
        out.push_str(&format!(
            "<p class=\"draft\" role=\"note\">{}</p>\n",
            e(&standing.notice)
        ));
    }
    out.push_str("<table class=\"header\">");
    for (label, value) in document.header() {
        out.push_str(&format!("<tr><th>{label}</th><td>{}</td></tr>", e(&value)));
    }
    out.push_str("</table>\n");
    for (title, text) in [("Purpose", &sop.purpose), ("Scope", &sop.scope)] {
        if !text.trim().is_empty() {
            out.push_str(&format!(
                "<h2>{title}</h2>\n<p class=\"pre\">{}</p>\n",
                e(text)
            ));
        }
    }
    out.push_str("<h2>Steps</h2>\n<ol class=\"steps\">\n");
    for step in &sop.steps {
        out.push_str(&format!(
            "<li><span class=\"role\">{}:</span> <span class=\"pre\">{}</span>",
            e(&step.role),
            e(&step.instruction)
        ));
        if !step.quality_check.trim().is_empty() {
            out.push_str(&format!(
                "<br><span class=\"check\">Check: {}</span>",
                e(&step.quality_check)
            ));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
    if !sop.exceptions.is_empty() {
        out.push_str("<h2>Exceptions</h2>\n<table><thead><tr><th>When</th><th>Do</th><th>Escalate to</th><th>Within</th><th>Evidence</th></tr></thead><tbody>\n");
        for x in &sop.exceptions {
            out.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                e(&x.trigger),
                e(&x.action),
                e(&x.escalate_to),
                e(&x.within),
                e(&x.evidence)
            ));
        }
        out.push_str("</tbody></table>\n");
    }
    out.push_str(&map_section(document));
    out.push_str(&format!(
        "</main>\n<footer>{} v{} · {} · exported from Rollplan</footer>\n</body>\n</html>\n",
        e(&sop.code),
        sop.version,
        e(&standing.status)
    ));
    out
}

/// The process map, inline: the core's SVG (every label in it escaped there), under a
/// caption that says in words what it shows, and what it flags.
fn map_section(document: &SopDocument) -> String {
    let map = document.map();
    let mut out = String::from("<h2>Process map</h2>\n");
    if let Some(empty) = &map.empty {
        out.push_str(&format!("<p class=\"caption\">{}</p>\n", e(empty)));
        return out;
    }
    out.push_str(&format!(
        "<p class=\"caption\">{}</p>\n",
        e(&map.describe())
    ));
    for notice in &map.notices {
        out.push_str(&format!(
            "<p class=\"flag\" role=\"note\">{}</p>\n",
            e(notice)
        ));
    }
    out.push_str(&format!(
        "<figure class=\"map\">{}</figure>\n",
        sop_map_svg(&map, MapTheme::Light).markup
    ));
    out
}
