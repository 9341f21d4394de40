fn main() {
    // The Tauri config lives at the repository root (see DESIGN.md §2), not beside this crate.
    let attributes = tauri_build::Attributes::new().config_path("../tauri.conf.json");
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {error:#}");
    }
}
