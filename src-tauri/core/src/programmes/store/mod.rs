//! Every SQL statement of programmes: the `programmes` table and which rollouts are its
//! waves (`programme_waves`).

pub(crate) mod programmes;
pub(crate) mod waves;
