"""Asks a window to close the way a window manager does when a person clicks its close
button: a WM_DELETE_WINDOW message to every top-level window with the given title.
(WebDriver's own close-window command bypasses the app's close handling.)"""

import sys

from Xlib import X, display, protocol


def main(title: str) -> int:
    screen = display.Display()
    protocols = screen.intern_atom("WM_PROTOCOLS")
    delete = screen.intern_atom("WM_DELETE_WINDOW")
    asked = 0
    pending = [screen.screen().root]
    while pending:
        window = pending.pop()
        if window.get_wm_name() == title:
            message = protocol.event.ClientMessage(
                window=window, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0])
            )
            window.send_event(message, event_mask=X.NoEventMask)
            asked += 1
        pending.extend(window.query_tree().children)
    screen.flush()
    print(asked)
    return 0 if asked else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
