//! A small reader for delimiter-separated text (CSV, TSV) with RFC 4180 quoting:
//! quoted fields may hold delimiters, newlines and doubled quotes. Each record
//! knows the line it starts on, so errors can name it.

/// One record: its fields and the 1-based line it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// 1-based line of the record's first byte.
    pub line: usize,
    /// The unquoted fields.
    pub fields: Vec<String>,
}

/// A quoted field runs to the end of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnterminatedQuote {
    /// 1-based line where the quoted field opens.
    pub line: usize,
}

/// Splits `text` into records. `\n` and `\r\n` end records outside quotes; blank
/// lines are skipped; a missing final newline is fine.
pub fn parse(text: &str, delimiter: u8) -> Result<Vec<Record>, UnterminatedQuote> {
    let bytes = text.as_bytes();
    let mut records = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field: Vec<u8> = Vec::new();
    let mut line = 1usize;
    let mut record_line = 1usize;
    let mut i = 0;
    let mut at_field_start = true;
    let mut record_has_content = false;
    while i < bytes.len() {
        let b = bytes[i];
        if at_field_start && b == b'"' {
            // Quoted field.
            let open_line = line;
            i += 1;
            loop {
                match bytes.get(i) {
                    None => return Err(UnterminatedQuote { line: open_line }),
                    Some(b'"') if bytes.get(i + 1) == Some(&b'"') => {
                        field.push(b'"');
                        i += 2;
                    }
                    Some(b'"') => {
                        i += 1;
                        break;
                    }
                    Some(&c) => {
                        if c == b'\n' {
                            line += 1;
                        }
                        field.push(c);
                        i += 1;
                    }
                }
            }
            at_field_start = false;
            record_has_content = true;
            continue;
        }
        at_field_start = false;
        if b == delimiter {
            fields.push(take_string(&mut field));
            at_field_start = true;
            record_has_content = true;
            i += 1;
        } else if b == b'\n' || (b == b'\r' && bytes.get(i + 1) == Some(&b'\n')) {
            if record_has_content || !field.is_empty() {
                fields.push(take_string(&mut field));
                records.push(Record {
                    line: record_line,
                    fields: std::mem::take(&mut fields),
                });
            }
            field.clear();
            i += if b == b'\r' { 2 } else { 1 };
            line += 1;
            record_line = line;
            at_field_start = true;
            record_has_content = false;
        } else {
            field.push(b);
            i += 1;
        }
    }
    if record_has_content || !field.is_empty() {
        fields.push(take_string(&mut field));
        records.push(Record {
            line: record_line,
            fields,
        });
    }
    Ok(records)
}

fn take_string(field: &mut Vec<u8>) -> String {
    // The input is a &str and we only split at ASCII bytes, so this is valid UTF-8;
    // the lossy conversion is a belt-and-braces fallback that never allocates twice.
    let s = String::from_utf8_lossy(field).into_owned();
    field.clear();
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_with_commas_quotes_and_newlines() {
        let text = "id,label,text\n1,0,\"Well, \"\"no\"\".\"\r\n2,1,\"two\nlines\"\n\n3,1,last";
        let r = parse(text, b',').unwrap();
        assert_eq!(r.len(), 4);
        assert_eq!(r[1].fields, vec!["1", "0", "Well, \"no\"."]);
        assert_eq!(r[2].fields, vec!["2", "1", "two\nlines"]);
        assert_eq!((r[2].line, r[3].line), (3, 6));
        assert_eq!(r[3].fields, vec!["3", "1", "last"]);
    }

    #[test]
    fn tabs_and_empty_fields() {
        let r = parse("\"a\"\t\"b\"\t\n\t\tx\n", b'\t').unwrap();
        assert_eq!(r[0].fields, vec!["a", "b", ""]);
        assert_eq!(r[1].fields, vec!["", "", "x"]);
    }

    #[test]
    fn an_unterminated_quote_names_its_line() {
        assert_eq!(
            parse("a,b\n1,\"oops\n2,3\n", b','),
            Err(UnterminatedQuote { line: 2 })
        );
    }
}
