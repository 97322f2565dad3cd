//! The small enums of the domain (kinds, phases, statuses) each have a stable code,
//! stored in the database and typed on the command line, and a label people read.

/// Stable storage codes and the labels people read, for the small enums of the domain.
macro_rules! coded_enum {
    ($type:ident, $what:literal, $field:literal, { $($variant:ident => $code:literal, $label:literal;)+ }) => {
        impl $type {
            /// Every value, in display order.
            pub const ALL: &'static [$type] = &[$($type::$variant),+];

            /// The code stored in the database and used on the command line.
            pub fn code(self) -> &'static str {
                match self { $($type::$variant => $code),+ }
            }

            /// The name shown to people.
            pub fn label(self) -> &'static str {
                match self { $($type::$variant => $label),+ }
            }

            /// The value of a stored code, exactly as [`Self::code`] writes it: for
            /// reading rows, where the general parse (any case, labels too) would
            /// allocate for every row.
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($type::$variant),)+ _ => None }
            }
        }

        impl std::str::FromStr for $type {
            type Err = $crate::CoreError;

            /// Accepts a code (`ehr_go_live`, `FS`) or a label (`EHR go-live`), in any case.
            fn from_str(text: &str) -> Result<Self, $crate::CoreError> {
                let wanted = text.trim().to_lowercase().replace(['-', ' '], "_");
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.code().eq_ignore_ascii_case(&wanted) || v.label().to_lowercase().replace(['-', ' '], "_") == wanted)
                    .ok_or_else(|| {
                        let known: Vec<&str> = Self::ALL.iter().map(|v| v.code()).collect();
                        $crate::CoreError::invalid(
                            $field,
                            format!("Unknown {} '{}': use one of {}", $what, text.trim(), known.join(", ")),
                        )
                    })
            }
        }

        impl std::fmt::Display for $type {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}
