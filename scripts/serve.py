#!/usr/bin/env python3
"""Static server for dist/ on 127.0.0.1 with the right MIME types and a strict CSP header.
usage: serve.py [--root dist] [--port 8080] [--quiet]"""
import argparse, functools, http.server, socketserver, sys

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; "
       "img-src 'self' data: blob:; style-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'")

class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      '.wasm': 'application/wasm', '.js': 'text/javascript', '.mjs': 'text/javascript',
                      '.data': 'application/octet-stream', '.json': 'application/json'}
    quiet = False
    def end_headers(self):
        self.send_header('Cache-Control', 'no-cache')
        self.send_header('Content-Security-Policy', CSP)
        self.send_header('X-Content-Type-Options', 'nosniff')
        self.send_header('Referrer-Policy', 'no-referrer')
        super().end_headers()
    def log_message(self, fmt, *args):
        if not self.quiet:
            sys.stderr.write("%s\n" % (fmt % args))

class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--root', default='dist')
    ap.add_argument('--port', type=int, default=8080)
    ap.add_argument('--quiet', action='store_true')
    a = ap.parse_args()
    Handler.quiet = a.quiet
    srv = Server(('127.0.0.1', a.port), functools.partial(Handler, directory=a.root))
    print(f"Self Data Workbench: http://127.0.0.1:{srv.server_address[1]}/", flush=True)
    srv.serve_forever()

if __name__ == '__main__':
    main()
