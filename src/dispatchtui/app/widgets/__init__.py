"""Widgets of the reader: article pane, side panels, find bar, status line, help screen."""
