#!/usr/bin/env python3
"""Lets third_party/imgui/backends/imgui_impl_opengl3.cpp skip its GL state backup and restore when built with
SDW_NO_GL_STATE_BACKUP (CMakeLists.txt sets it for the app). Idempotent; run by scripts/setup.sh.

Why: the backend reads ~20 GL values with glGetIntegerv / glIsEnabled before every frame and writes them back
after, so that it can share a context with other renderers. In WebGL each read is a synchronous getParameter:
Chromium waits for the GPU process to finish the previous frame's commands before it answers, on the page's
thread (3.3 s of 4 s of the page thread while a 300 MB Records.json loaded, measured with a Chrome trace,
issue #22). The app owns its context and nothing else draws in it, so there is nothing to save; the one state
the next frame relies on (no scissor test for glClear) is set by wasm/app_main.cpp."""
import sys
from pathlib import Path

path = Path(sys.argv[1] if len(sys.argv) > 1 else 'third_party/imgui/backends/imgui_impl_opengl3.cpp')
s = path.read_text()
if 'SDW_NO_GL_STATE_BACKUP' in s:
    sys.exit(0)
start = s.index('void    ImGui_ImplOpenGL3_RenderDrawData(')
end = s.index('\n}\n', start)
body = s[start:end]
def wrap(text, begin, stop):
    a = text.index(begin)
    b = text.index(stop, a)
    return text[:a] + '#ifndef SDW_NO_GL_STATE_BACKUP\n' + text[a:b] + '#endif  // SDW_NO_GL_STATE_BACKUP\n' + text[b:]
body = wrap(body, '    // Backup GL state\n', '    // Setup desired GL state\n')
body = wrap(body, '    // Restore modified GL state\n', '    (void)bd;')
path.write_text(s[:start] + body + s[end:])
print(f'patched {path}: GL state backup optional (SDW_NO_GL_STATE_BACKUP)')
