//! Mounts the app. Everything else lives in the library (components) and in
//! `thongbao-core` (logic).
fn main() {
    thongbao::start();
}
