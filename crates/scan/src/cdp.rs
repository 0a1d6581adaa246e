//! DevTools commands sent by name with JSON parameters, and their answers
//! read into small lenient types.
//!
//! chromiumoxide's generated types are exact for the protocol revision it was
//! built from, and a newer Chromium adds enum values (a new SameSite or
//! cookie-blocking reason) that would make a whole typed answer fail to
//! parse. The answers juris depends on are read here field by field, with
//! unknown values kept as text, so a browser update degrades one field at
//! most, never a whole snapshot.

use std::borrow::Cow;
use std::time::Duration;

use chromiumoxide::Page;
use chromiumoxide::types::{Command, Method, MethodId};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

/// A command by name, with its parameters as JSON.
#[derive(Debug, Clone)]
pub struct Raw {
    method: &'static str,
    params: Value,
}

impl Raw {
    pub fn new(method: &'static str, params: Value) -> Self {
        Raw { method, params }
    }
}

impl Serialize for Raw {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.params.serialize(serializer)
    }
}

impl Method for Raw {
    fn identifier(&self) -> MethodId {
        Cow::Borrowed(self.method)
    }
}

impl Command for Raw {
    type Response = Value;
}

/// Sends a command and waits at most `bound` for the answer.
pub async fn call(page: &Page, method: &'static str, params: Value, bound: Duration) -> Result<Value, String> {
    match tokio::time::timeout(bound, page.execute(Raw::new(method, params))).await {
        Ok(Ok(response)) => Ok(response.result),
        Ok(Err(e)) => Err(format!("{method}: {e}")),
        Err(_) => Err(format!("{method}: no answer within {} ms", bound.as_millis())),
    }
}

/// Reads an answer into a type, naming the command when it does not fit.
pub fn parse<T: for<'de> Deserialize<'de>>(method: &str, value: Value) -> Result<T, String> {
    serde_json::from_value(value).map_err(|e| format!("{method}: unexpected answer: {e}"))
}

/// A cookie from `Storage.getCookies`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JarCookie {
    pub name: String,
    #[serde(default)]
    pub value: String,
    pub domain: String,
    #[serde(default)]
    pub path: String,
    #[serde(default)]
    pub expires: f64,
    #[serde(default)]
    pub http_only: bool,
    #[serde(default)]
    pub secure: bool,
    #[serde(default)]
    pub session: bool,
    #[serde(default)]
    pub same_site: Option<String>,
    #[serde(default)]
    pub partition_key: Option<Value>,
}

#[derive(Debug, Deserialize)]
pub struct Cookies {
    #[serde(default)]
    pub cookies: Vec<JarCookie>,
}

/// A frame from `Page.getFrameTree`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FrameInfo {
    pub id: String,
    #[serde(default)]
    pub parent_id: Option<String>,
    #[serde(default)]
    pub url: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct FrameTree {
    frame: FrameInfo,
    #[serde(default)]
    child_frames: Vec<FrameTree>,
}

/// Every frame of the page, the main frame first, at most `limit`.
pub async fn frames(page: &Page, bound: Duration, limit: usize) -> Result<Vec<FrameInfo>, String> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Answer {
        frame_tree: FrameTree,
    }
    let answer: Answer =
        parse("Page.getFrameTree", call(page, "Page.getFrameTree", serde_json::json!({}), bound).await?)?;
    let mut out = Vec::new();
    let mut stack = vec![answer.frame_tree];
    while let Some(tree) = stack.pop() {
        if out.len() >= limit {
            break;
        }
        out.push(tree.frame);
        stack.extend(tree.child_frames.into_iter().rev());
    }
    Ok(out)
}

/// A new isolated world in a frame: the page's DOM, juris's own globals.
pub async fn isolated_world(page: &Page, frame_id: &str, bound: Duration) -> Result<i64, String> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Answer {
        execution_context_id: i64,
    }
    let params = serde_json::json!({ "frameId": frame_id, "worldName": "juris-scan", "grantUniveralAccess": false });
    let answer: Answer =
        parse("Page.createIsolatedWorld", call(page, "Page.createIsolatedWorld", params, bound).await?)?;
    Ok(answer.execution_context_id)
}

/// Evaluates an expression that returns a JSON string in a context, and parses it.
pub async fn evaluate_json(page: &Page, context: i64, expression: String, bound: Duration) -> Result<Value, String> {
    let params = serde_json::json!({
        "expression": expression,
        "contextId": context,
        "returnByValue": true,
        "awaitPromise": false,
        "timeout": bound.as_millis() as u64,
    });
    let answer = call(page, "Runtime.evaluate", params, bound).await?;
    if let Some(details) = answer.get("exceptionDetails") {
        let text = details
            .pointer("/exception/description")
            .or_else(|| details.get("text"))
            .and_then(Value::as_str)
            .unwrap_or("exception");
        return Err(format!("script failed: {}", text.lines().next().unwrap_or(text)));
    }
    match answer.pointer("/result/value") {
        Some(Value::String(s)) => serde_json::from_str(s).map_err(|e| format!("script answer: {e}")),
        Some(other) => Ok(other.clone()),
        None => Ok(Value::Null),
    }
}

/// The top-left corner of a child frame's content box in the page's viewport.
pub async fn frame_offset(page: &Page, frame_id: &str, bound: Duration) -> Option<(f64, f64)> {
    let owner = call(page, "DOM.getFrameOwner", serde_json::json!({ "frameId": frame_id }), bound).await.ok()?;
    let node = owner.get("backendNodeId")?.as_i64()?;
    let model = call(page, "DOM.getBoxModel", serde_json::json!({ "backendNodeId": node }), bound).await.ok()?;
    let quad = model.pointer("/model/content")?.as_array()?;
    Some((quad.first()?.as_f64()?, quad.get(1)?.as_f64()?))
}

/// A real left click at a point of the viewport, as a person's mouse makes it.
pub async fn click(page: &Page, x: f64, y: f64, bound: Duration) -> Result<(), String> {
    for (kind, buttons) in [("mouseMoved", 0), ("mousePressed", 1), ("mouseReleased", 0)] {
        let mut params = serde_json::json!({ "type": kind, "x": x, "y": y, "button": "none", "buttons": buttons });
        if kind != "mouseMoved" {
            params["button"] = "left".into();
            params["clickCount"] = 1.into();
        }
        call(page, "Input.dispatchMouseEvent", params, bound).await?;
    }
    Ok(())
}

/// A PNG of the viewport.
pub async fn screenshot(page: &Page, bound: Duration) -> Result<Vec<u8>, String> {
    use base64::Engine as _;
    let answer = call(page, "Page.captureScreenshot", serde_json::json!({ "format": "png" }), bound).await?;
    let data = answer.get("data").and_then(Value::as_str).ok_or("Page.captureScreenshot: no data")?;
    base64::engine::general_purpose::STANDARD.decode(data).map_err(|e| format!("Page.captureScreenshot: {e}"))
}

/// `Browser.getVersion`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Version {
    #[serde(default)]
    pub protocol_version: String,
    #[serde(default)]
    pub product: String,
    #[serde(default)]
    pub revision: String,
    #[serde(default)]
    pub user_agent: String,
    #[serde(default)]
    pub js_version: String,
}
