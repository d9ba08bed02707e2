//! Loading the hashed-feature models this crate ships (the check-worthiness model, the
//! event filter): the checks both make on a model file and the error both give.

use std::fmt;

use crosscheck_learn::{FormatError, ModelFile};

/// Why a model could not be loaded.
#[derive(Debug)]
pub struct ModelError {
    /// Which model: "check-worthiness model", "event filter".
    pub model: &'static str,
    pub problem: ModelProblem,
}

/// What is wrong with a model file.
#[derive(Debug)]
pub enum ModelProblem {
    /// The bytes are not a valid model file.
    Format(FormatError),
    /// A valid file whose features or heads do not match this code.
    Incompatible(String),
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.problem {
            ModelProblem::Format(e) => write!(f, "{}: {e}", self.model),
            ModelProblem::Incompatible(why) => write!(f, "{}: {why}", self.model),
        }
    }
}

impl std::error::Error for ModelError {}

/// Reads a model file of `kind` that has one head and was trained on exactly the
/// dense features `dense` this build computes; `model` names it in errors.
pub(crate) fn load_one_head(
    bytes: &[u8],
    kind: &str,
    dense: &[&str],
    model: &'static str,
) -> Result<ModelFile, ModelError> {
    let error = |problem| ModelError { model, problem };
    let file =
        ModelFile::from_bytes_of_kind(bytes, kind).map_err(|e| error(ModelProblem::Format(e)))?;
    if file.hasher.dense_names() != dense {
        return Err(error(ModelProblem::Incompatible(format!(
            "trained with dense features {:?}, this build computes {:?}",
            file.hasher.dense_names(),
            dense
        ))));
    }
    if file.heads.len() != 1 {
        return Err(error(ModelProblem::Incompatible(format!(
            "expected one head, found {}",
            file.heads.len()
        ))));
    }
    Ok(file)
}
