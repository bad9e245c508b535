fn main() {
    session_view::app::start();
}
