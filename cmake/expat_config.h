/* expat build configuration for this project (native and Emscripten builds of third_party/expat). */
#ifndef SDW_EXPAT_CONFIG_H
#define SDW_EXPAT_CONFIG_H
#define BYTEORDER 1234          /* little-endian: x86-64 and wasm32 */
#define HAVE_MEMMOVE 1
#define XML_CONTEXT_BYTES 1024
#define XML_DTD 1               /* keeps expat's billion-laughs accounting active */
#define XML_NS 1
#define XML_DEV_URANDOM 1       /* hash salt: /dev/urandom natively, crypto.getRandomValues under Emscripten */
#endif
