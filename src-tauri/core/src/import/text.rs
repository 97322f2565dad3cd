//! The text of a CSV file, whatever program on whichever system saved it.
//!
//! Excel on Windows saves "CSV" in the machine's ANSI code page (Windows-1252 for
//! English and Western European), "CSV UTF-8" with a byte-order mark, and "Unicode
//! Text" as UTF-16 with a byte-order mark; other tools write plain UTF-8. The rule:
//! a byte-order mark names the encoding; without one, text that is valid UTF-8 is
//! UTF-8, and anything else is Windows-1252 (every byte means something there, so
//! nothing is refused and nothing is lost). Line endings are left to the CSV reader,
//! which takes `\n`, `\r\n` and `\r` alike.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// The file's text with any byte-order mark removed.
pub(super) fn decode_text(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        return text;
    }
    match UTF_8.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => text,
        None => WINDOWS_1252.decode_without_bom_handling(bytes).0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_read_as_is_with_or_without_a_byte_order_mark() {
        let plain = "Name\r\nRené Lefèvre\r\n";
        assert_eq!(decode_text(plain.as_bytes()), plain, "UTF-8 must be kept");
        let marked = [b"\xef\xbb\xbf".as_slice(), plain.as_bytes()].concat();
        assert_eq!(
            decode_text(&marked),
            plain,
            "the byte-order mark must go, and only it"
        );
    }

    #[test]
    fn text_that_is_not_utf8_is_read_as_windows_1252() {
        // "Médecins Associés – Zoë’s clinic €" as Excel on Windows saves it.
        let ansi = b"M\xe9decins Associ\xe9s \x96 Zo\xeb\x92s clinic \x80\r\n";
        assert_eq!(
            decode_text(ansi),
            "Médecins Associés – Zoë’s clinic €\r\n",
            "accents, the dash, the curly apostrophe and the euro sign must survive"
        );
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_read_as_utf16() {
        let text = "Name\tRole\r\nZoë Martin\tRN\r\n";
        let mut little_endian = vec![0xff, 0xfe];
        little_endian.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(
            decode_text(&little_endian),
            text,
            "Excel's Unicode Text (UTF-16 LE) must read as the same text"
        );
    }
}
