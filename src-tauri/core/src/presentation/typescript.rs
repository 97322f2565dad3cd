//! The few pieces of TypeScript syntax the generated modules are written with.

/// The first lines of every generated module: where it comes from and how to refresh it.
pub(super) fn header(what: &str) -> String {
    format!(
        "// Generated from the Rust core (rollplan_core::presentation): {what}.\n\
         // Do not edit: run UPDATE_BINDINGS=1 cargo test -p rollplan --test presentation\n"
    )
}

/// `text` as a TypeScript string literal. JSON's string syntax is a subset of
/// TypeScript's, so serde_json's escaping is exactly right.
pub(super) fn string(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

/// `import type { Name } from '../bindings/Name';` for a ts-rs generated type.
pub(super) fn import_binding(type_name: &str) -> String {
    format!("import type {{ {type_name} }} from '../bindings/{type_name}';\n")
}

/// `SomeTypeName` as `SOME_TYPE_NAME`.
pub(super) fn constant_case(type_name: &str) -> String {
    let mut out = String::new();
    for (i, c) in type_name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_strings_read_as_typescript() {
        assert_eq!(constant_case("ReadinessCategory"), "READINESS_CATEGORY");
        assert_eq!(constant_case("Raci"), "RACI");
        assert_eq!(
            string("Policy / SOP \"x\""),
            r#""Policy / SOP \"x\"""#,
            "quotes inside a label are escaped"
        );
    }
}
