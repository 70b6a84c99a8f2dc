"""Small widgets of the TUI: attributes down (the app sets them), messages up."""
