"""The app's screens: the reader, the help screen (and the library). Each is imported where it is first
needed, so the first paint imports only its own screen."""
