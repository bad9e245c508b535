fn main() {
    session_view::pages::start();
}
