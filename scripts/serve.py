#!/usr/bin/env python3
"""Static server for dist/ on 127.0.0.1 with the right MIME types and a strict CSP header. A file with a
precompressed sibling (FILE.br, FILE.gz, written by scripts/precompress.py) is sent compressed, with
Content-Encoding and the original Content-Type, when the request's Accept-Encoding allows it (browsers send
`br` only over HTTPS: on http://127.0.0.1 Chromium gets the .gz). A static host should do the same
(nginx: gzip_static/brotli_static on; Apache: MultiViews or RewriteRule on Accept-Encoding) and send
`Vary: Accept-Encoding`; WebAssembly must keep `Content-Type: application/wasm` for streaming compilation.
Bytes sent are counted and reported at /__bytes (a check by hand of what a cold visit moved).
usage: serve.py [--root dist] [--port 8080] [--quiet]"""
import argparse, functools, http.server, json, os, socketserver, sys, threading

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; "
       "img-src 'self' data: blob:; style-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'")

class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      '.wasm': 'application/wasm', '.js': 'text/javascript', '.mjs': 'text/javascript',
                      '.data': 'application/octet-stream', '.json': 'application/json'}
    quiet = False
    sent = {'bytes': 0, 'requests': 0, 'compressed': 0}
    lock = threading.Lock()

    def send_head(self):
        path = self.translate_path(self.path)
        if self.path.split('?')[0] == '/__bytes':
            body = json.dumps(Handler.sent).encode()
            self.send_response(200)
            self.send_header('Content-Type', 'application/json')
            self.send_header('Content-Length', str(len(body)))
            self.end_headers()
            import io
            return io.BytesIO(body)
        accept = self.headers.get('Accept-Encoding', '')
        if os.path.isfile(path):
            codings = [t.split(';')[0].strip() for t in accept.split(',')]
            for enc, ext in (('br', '.br'), ('gzip', '.gz')):
                if enc in codings and os.path.isfile(path + ext) and os.path.getmtime(path + ext) >= os.path.getmtime(path):
                    f = open(path + ext, 'rb')
                    size = os.fstat(f.fileno()).st_size
                    self.send_response(200)
                    self.send_header('Content-Type', self.guess_type(path))
                    self.send_header('Content-Encoding', enc)
                    self.send_header('Content-Length', str(size))
                    self.send_header('Vary', 'Accept-Encoding')
                    self.end_headers()
                    self.count(size, True)
                    return f
        f = super().send_head()
        if f is not None and hasattr(f, 'fileno'):
            try:
                self.count(os.fstat(f.fileno()).st_size, False)
            except OSError:
                pass
        return f

    def count(self, n, compressed):
        with Handler.lock:
            Handler.sent['bytes'] += n
            Handler.sent['requests'] += 1
            Handler.sent['compressed'] += 1 if compressed else 0

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
