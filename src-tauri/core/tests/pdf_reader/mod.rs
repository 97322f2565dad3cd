//! Reading our PDFs back with tools we did not write: poppler's `pdffonts`,
//! `pdftotext -bbox` and `pdftoppm` (installed by scripts/setup.sh --test), and a few
//! lines of the system Python that walk the bookmarks and the tagged figures, which
//! poppler does not print.

// Each test file uses only some of these helpers.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

/// What a PDF's own structure says: its bookmarks in order, and the alternative text
/// of each tagged figure.
#[derive(Debug, serde::Deserialize)]
pub struct Structure {
    pub bookmarks: Vec<String>,
    pub figures: Vec<String>,
}

/// Objects `N 0 obj <<...>> endobj` as they stand in the file (the PDFs we write keep
/// their bookmarks and structure elements outside object streams); strings decoded
/// from literal or hex form, UTF-16 where marked so.
const STRUCTURE_PY: &str = r#"
import json, re, sys
data = open(sys.argv[1], 'rb').read()
objects = {int(m.group(1)): m.group(2) for m in
           re.finditer(rb'(\d+) 0 obj\s*(<<.*?>>)\s*endobj', data, re.S)}

def string_after(body, key):
    i = body.find(key)
    if i < 0:
        return None
    i += len(key)
    while body[i:i+1].isspace():
        i += 1
    if body[i:i+1] == b'<':
        j = body.index(b'>', i)
        raw = bytes.fromhex(body[i+1:j].decode().replace(' ', ''))
    else:
        out, depth, i = bytearray(), 1, i + 1
        while True:
            c = body[i]
            if c == 0x5c:
                n = body[i+1]
                if 0x30 <= n <= 0x37:
                    k = i + 1
                    while k < i + 4 and 0x30 <= body[k] <= 0x37:
                        k += 1
                    out.append(int(body[i+1:k], 8) & 255)
                    i = k
                    continue
                out.append({0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12}.get(n, n))
                i += 2
                continue
            if c == 0x28:
                depth += 1
            if c == 0x29:
                depth -= 1
                if depth == 0:
                    break
            out.append(c)
            i += 1
        raw = bytes(out)
    if raw.startswith(b'\xfe\xff'):
        return raw[2:].decode('utf-16-be')
    return raw.decode('latin-1')

def ref(body, key):
    m = re.search(key + rb'\s+(\d+)\s+0\s+R', body)
    return int(m.group(1)) if m else None

bookmarks = []
def walk(number):
    while number is not None:
        body = objects[number]
        bookmarks.append(string_after(body, b'/Title'))
        walk(ref(body, b'/First'))
        number = ref(body, b'/Next')

for body in objects.values():
    if re.search(rb'/Type\s*/Outlines', body):
        walk(ref(body, b'/First'))

figures = [string_after(body, b'/Alt') for body in objects.values()
           if re.search(rb'/Type\s*/StructElem', body) and re.search(rb'/S\s*/Figure', body)]
print(json.dumps({'bookmarks': bookmarks, 'figures': [f for f in figures if f is not None]}))
"#;

fn write(dir: &Path, pdf: &[u8]) -> String {
    let path = dir.join("read.pdf");
    std::fs::write(&path, pdf).expect("write pdf");
    path.to_str().expect("path").to_owned()
}

/// The bookmarks and figure descriptions of `pdf`.
pub fn pdf_structure(pdf: &[u8]) -> Structure {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), pdf);
    let out = Command::new("/usr/bin/python3")
        .args(["-c", STRUCTURE_PY, &path])
        .output()
        .expect("the system Python runs");
    assert!(
        out.status.success(),
        "the structure reader ran: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the reader prints JSON")
}

/// `pdffonts`' table of the fonts `pdf` uses.
pub fn pdf_fonts(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), pdf);
    let out = Command::new("pdffonts")
        .arg(&path)
        .output()
        .expect("pdffonts runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A word on a page and its box, in points from the top left.
#[derive(Debug, Clone)]
pub struct Word {
    pub text: String,
    pub x_min: f64,
    pub y_min: f64,
    pub x_max: f64,
    pub y_max: f64,
}

/// The words of page `page` (from 1) with their boxes, as `pdftotext -bbox` finds them.
pub fn word_boxes(pdf: &[u8], page: usize) -> Vec<Word> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), pdf);
    let page = page.to_string();
    let out = Command::new("pdftotext")
        .args(["-bbox", "-f", &page, "-l", &page, &path, "-"])
        .output()
        .expect("pdftotext runs");
    let html = String::from_utf8_lossy(&out.stdout);
    let attribute = |tag: &str, name: &str| -> f64 {
        tag.split(&format!("{name}=\""))
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(f64::NAN)
    };
    html.split("<word ")
        .skip(1)
        .filter_map(|rest| {
            let (tag, after) = rest.split_once('>')?;
            let text = after.split("</word>").next()?.to_owned();
            Some(Word {
                text,
                x_min: attribute(tag, "xMin"),
                y_min: attribute(tag, "yMin"),
                x_max: attribute(tag, "xMax"),
                y_max: attribute(tag, "yMax"),
            })
        })
        .collect()
}

/// A page rendered in greys, 0 black to 255 white.
pub struct Grey {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<u8>,
}

impl Grey {
    /// The darkest pixel in (left, top, right, bottom), edges clamped to the page.
    pub fn darkest_in(&self, (left, top, right, bottom): (usize, usize, usize, usize)) -> u8 {
        let mut darkest = 255;
        for y in top.min(self.height)..bottom.min(self.height) {
            for x in left.min(self.width)..right.min(self.width) {
                darkest = darkest.min(self.pixels[y * self.width + x]);
            }
        }
        darkest
    }
}

/// Page `page` (from 1) rendered by `pdftoppm -gray` at `dpi`.
pub fn render_grey_page(pdf: &[u8], page: usize, dpi: f64) -> Grey {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), pdf);
    let page = page.to_string();
    let prefix = dir.path().join("page");
    let out = Command::new("pdftoppm")
        .args(["-gray", "-singlefile", "-r"])
        .arg(dpi.to_string())
        .args(["-f", &page, "-l", &page, &path])
        .arg(&prefix)
        .output()
        .expect("pdftoppm runs");
    assert!(out.status.success(), "pdftoppm rendered the page");
    let bytes = std::fs::read(prefix.with_extension("pgm")).expect("a PGM image");
    // "P5\n<width> <height>\n<max>\n" then one byte per pixel.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
    }
    assert_eq!(fields[0], "P5", "a binary grey map");
    let width: usize = fields[1].parse().expect("width");
    let height: usize = fields[2].parse().expect("height");
    let pixels = bytes[at + 1..].to_vec();
    assert_eq!(pixels.len(), width * height, "one byte per pixel");
    Grey {
        width,
        height,
        pixels,
    }
}
