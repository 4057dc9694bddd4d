/* Blocking nodeplan client: frames (docs/protocol.md §1-3, §8), zstd payloads, hello and calls. */
#define _POSIX_C_SOURCE 200809L
#include "nodeplan_client.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <zstd.h>

#define HEADER_SIZE 16
#define COMPRESSION_THRESHOLD 1024
#define MAX_PAYLOAD_BYTES (64u << 20)
#define MAX_DECOMPRESSED_BYTES ((size_t)512 << 20)
/* How long past a call's deadline the client waits for the server's DEADLINE_EXCEEDED. */
#define DEADLINE_GRACE_MS 1000

struct nodeplan_client {
    int fd;
    uint32_t next_stream;
    Nodeplan__V1__HelloAck *hello_ack;
    uint8_t *payload; /* payload of the last frame received */
};

static int fail(nodeplan_error *error, int code, const char *field_path, const char *format, ...) {
    if (error) {
        va_list args;
        va_start(args, format);
        error->code = code;
        vsnprintf(error->message, sizeof error->message, format, args);
        snprintf(error->field_path, sizeof error->field_path, "%s", field_path ? field_path : "");
        va_end(args);
    }
    return -1;
}

static uint32_t read_u32(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void write_u32(uint8_t *p, uint32_t v) {
    p[0] = v >> 24; p[1] = v >> 16; p[2] = v >> 8; p[3] = v;
}

static int check_header(const uint8_t *h, nodeplan_frame *frame, uint32_t *length, nodeplan_error *error) {
    *length = read_u32(h);
    if (h[4] != 1) return fail(error, NODEPLAN_UNIMPLEMENTED, NULL, "frame version %u is not 1", h[4]);
    if (h[5] < 1 || h[5] > 8) return fail(error, NODEPLAN_INVALID_ARGUMENT, NULL, "frame type %u is not 1...8", h[5]);
    if (h[7] > 6) return fail(error, NODEPLAN_INVALID_ARGUMENT, NULL, "method %u is not 0...6", h[7]);
    if (*length > MAX_PAYLOAD_BYTES)
        return fail(error, NODEPLAN_RESOURCE_EXHAUSTED, NULL, "payload of %u bytes exceeds the limit", *length);
    if (h[6] & ~(NODEPLAN_FLAG_COMPRESSED | NODEPLAN_FLAG_END_STREAM))
        return fail(error, NODEPLAN_INVALID_ARGUMENT, NULL, "unknown flag bits 0x%02x", h[6]);
    frame->type = h[5];
    frame->flags = h[6];
    frame->method = h[7];
    frame->stream_id = read_u32(h + 8);
    frame->deadline_ms = read_u32(h + 12);
    frame->payload = NULL;
    frame->payload_length = *length;
    return 0;
}

int nodeplan_frame_decode(const uint8_t *data, size_t length, nodeplan_frame *frame, nodeplan_error *error) {
    uint32_t payload_length;
    if (length < HEADER_SIZE) return fail(error, NODEPLAN_INVALID_ARGUMENT, NULL, "frame shorter than its header");
    if (check_header(data, frame, &payload_length, error)) return -1;
    if (length - HEADER_SIZE != payload_length)
        return fail(error, NODEPLAN_INVALID_ARGUMENT, NULL, "frame holds %zu payload bytes, header says %u",
                    length - HEADER_SIZE, payload_length);
    frame->payload = data + HEADER_SIZE;
    return 0;
}

/* Streams every zstd frame of the input into a buffer that may not pass max_bytes. */
static int decompress(const uint8_t *in, size_t in_length, size_t max_bytes, uint8_t **out, size_t *out_length,
                      nodeplan_error *error) {
    ZSTD_DCtx *context = ZSTD_createDCtx();
    size_t capacity = 1 << 16, used = 0, result = 1;
    uint8_t *buffer = malloc(capacity);
    ZSTD_inBuffer input = {in, in_length, 0};
    if (!context || !buffer) {
        ZSTD_freeDCtx(context);
        free(buffer);
        return fail(error, NODEPLAN_RESOURCE_EXHAUSTED, NULL, "out of memory");
    }
    while (input.pos < input.size || result != 0) {
        if (used == capacity) {
            if (used > max_bytes) break;
            /* One byte past the limit is enough to tell that the message is too large. */
            capacity = capacity * 2 > max_bytes + 1 ? max_bytes + 1 : capacity * 2;
            uint8_t *grown = realloc(buffer, capacity);
            if (!grown) { result = (size_t)-1; break; }
            buffer = grown;
        }
        ZSTD_outBuffer output = {buffer, capacity, used};
        size_t before = input.pos;
        result = ZSTD_decompressStream(context, &output, &input);
        if (ZSTD_isError(result)) {
            ZSTD_freeDCtx(context);
            free(buffer);
            return fail(error, NODEPLAN_INVALID_ARGUMENT, NULL, "payload is not valid zstd: %s",
                        ZSTD_getErrorName(result));
        }
        if (used == output.pos && before == input.pos && input.pos == input.size) {
            ZSTD_freeDCtx(context);
            free(buffer);
            return fail(error, NODEPLAN_INVALID_ARGUMENT, NULL, "zstd payload ends mid-frame");
        }
        used = output.pos;
        if (used > max_bytes) break;
    }
    ZSTD_freeDCtx(context);
    if (used > max_bytes || result == (size_t)-1) {
        free(buffer);
        return fail(error, NODEPLAN_RESOURCE_EXHAUSTED, NULL, "message decompresses past %zu bytes", max_bytes);
    }
    *out = buffer;
    *out_length = used;
    return 0;
}

int nodeplan_frame_message(const nodeplan_frame *frame, size_t max_bytes, uint8_t **out, size_t *out_length,
                           nodeplan_error *error) {
    if (frame->flags & NODEPLAN_FLAG_COMPRESSED)
        return decompress(frame->payload, frame->payload_length, max_bytes, out, out_length, error);
    if (frame->payload_length > max_bytes)
        return fail(error, NODEPLAN_RESOURCE_EXHAUSTED, NULL, "message larger than the limit");
    *out = malloc(frame->payload_length ? frame->payload_length : 1);
    if (!*out) return fail(error, NODEPLAN_RESOURCE_EXHAUSTED, NULL, "out of memory");
    if (frame->payload_length) memcpy(*out, frame->payload, frame->payload_length);
    *out_length = frame->payload_length;
    return 0;
}

static int64_t now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Waits until fd is ready for events or give_up (monotonic ms, -1 = never) passes. */
static int wait_fd(int fd, short events, int64_t give_up, nodeplan_error *error) {
    for (;;) {
        int timeout = -1;
        if (give_up >= 0) {
            int64_t left = give_up - now_ms();
            if (left <= 0) return fail(error, NODEPLAN_DEADLINE_EXCEEDED, NULL, "no answer before the deadline");
            timeout = left > 0x7fffffff ? 0x7fffffff : (int)left;
        }
        struct pollfd p = {fd, events, 0};
        int n = poll(&p, 1, timeout);
        if (n > 0) return 0;
        if (n < 0 && errno != EINTR) return fail(error, NODEPLAN_UNAVAILABLE, NULL, "poll: %s", strerror(errno));
    }
}

static int send_all(nodeplan_client *c, const uint8_t *data, size_t length, nodeplan_error *error) {
    while (length) {
        if (wait_fd(c->fd, POLLOUT, -1, error)) return -1;
        ssize_t n = send(c->fd, data, length, MSG_NOSIGNAL);
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
        if (n <= 0) return fail(error, NODEPLAN_UNAVAILABLE, NULL, "connection lost: %s", strerror(errno));
        data += n;
        length -= (size_t)n;
    }
    return 0;
}

static int receive_all(nodeplan_client *c, uint8_t *data, size_t length, int64_t give_up, nodeplan_error *error) {
    while (length) {
        if (wait_fd(c->fd, POLLIN, give_up, error)) return -1;
        ssize_t n = recv(c->fd, data, length, 0);
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
        if (n == 0) return fail(error, NODEPLAN_UNAVAILABLE, NULL, "server closed the connection");
        if (n < 0) return fail(error, NODEPLAN_UNAVAILABLE, NULL, "connection lost: %s", strerror(errno));
        data += n;
        length -= (size_t)n;
    }
    return 0;
}

/* Sends one frame; protobuf payloads of COMPRESSION_THRESHOLD bytes or more are zstd-compressed. */
static int send_frame(nodeplan_client *c, uint8_t type, uint8_t method, uint32_t stream, uint32_t deadline_ms,
                      const uint8_t *payload, size_t length, int compressible, nodeplan_error *error) {
    uint8_t header[HEADER_SIZE];
    uint8_t flags = stream ? NODEPLAN_FLAG_END_STREAM : 0;
    uint8_t *compressed = NULL;
    if (compressible && length >= COMPRESSION_THRESHOLD) {
        ZSTD_CCtx *context = ZSTD_createCCtx();
        size_t bound = ZSTD_compressBound(length);
        compressed = malloc(bound);
        if (!context || !compressed) {
            ZSTD_freeCCtx(context);
            free(compressed);
            return fail(error, NODEPLAN_RESOURCE_EXHAUSTED, NULL, "out of memory");
        }
        ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, 3);
        ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1);
        size_t written = ZSTD_compress2(context, compressed, bound, payload, length);
        ZSTD_freeCCtx(context);
        if (ZSTD_isError(written)) {
            free(compressed);
            return fail(error, NODEPLAN_INTERNAL, NULL, "zstd: %s", ZSTD_getErrorName(written));
        }
        payload = compressed;
        length = written;
        flags |= NODEPLAN_FLAG_COMPRESSED;
    }
    uint32_t limit = c->hello_ack && c->hello_ack->max_frame_payload_bytes ? c->hello_ack->max_frame_payload_bytes
                                                                           : MAX_PAYLOAD_BYTES;
    if (length > limit) {
        free(compressed);
        return fail(error, NODEPLAN_RESOURCE_EXHAUSTED, NULL, "request of %zu bytes exceeds the server's limit of %u",
                    length, limit);
    }
    write_u32(header, (uint32_t)length);
    header[4] = 1;
    header[5] = type;
    header[6] = flags;
    header[7] = method;
    write_u32(header + 8, stream);
    write_u32(header + 12, deadline_ms);
    int status = send_all(c, header, HEADER_SIZE, error);
    if (!status && length) status = send_all(c, payload, length, error);
    free(compressed);
    return status;
}

/* Receives one frame; its payload stays valid until the next receive. */
static int receive_frame(nodeplan_client *c, nodeplan_frame *frame, int64_t give_up, nodeplan_error *error) {
    uint8_t header[HEADER_SIZE];
    uint32_t length;
    if (receive_all(c, header, HEADER_SIZE, give_up, error)) return -1;
    if (check_header(header, frame, &length, error)) return -1;
    free(c->payload);
    c->payload = malloc(length ? length : 1);
    if (!c->payload) return fail(error, NODEPLAN_RESOURCE_EXHAUSTED, NULL, "out of memory");
    if (receive_all(c, c->payload, length, give_up, error)) return -1;
    frame->payload = c->payload;
    return 0;
}

/* Turns an ERROR frame into *error. */
static int error_frame(const nodeplan_frame *frame, nodeplan_error *error) {
    uint8_t *bytes;
    size_t length;
    if (nodeplan_frame_message(frame, MAX_DECOMPRESSED_BYTES, &bytes, &length, error)) return -1;
    Nodeplan__V1__Error *message = nodeplan__v1__error__unpack(NULL, length, bytes);
    free(bytes);
    if (!message) return fail(error, NODEPLAN_UNKNOWN, NULL, "unreadable ERROR frame");
    fail(error, message->code, message->field_path, "%s", message->message);
    nodeplan__v1__error__free_unpacked(message, NULL);
    return -1;
}

static int open_socket(const char *host, uint16_t port, int64_t give_up, nodeplan_error *error) {
    char service[8];
    struct addrinfo hints = {0}, *addresses, *a;
    hints.ai_socktype = SOCK_STREAM;
    snprintf(service, sizeof service, "%u", port);
    int status = getaddrinfo(host, service, &hints, &addresses);
    if (status) return fail(error, NODEPLAN_UNAVAILABLE, NULL, "cannot resolve %s: %s", host, gai_strerror(status));
    int fd = -1;
    for (a = addresses; a && fd < 0; a = a->ai_next) {
        fd = socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) continue;
        if (connect(fd, a->ai_addr, a->ai_addrlen) && errno != EINPROGRESS) {
            close(fd);
            fd = -1;
            continue;
        }
        struct pollfd p = {fd, POLLOUT, 0};
        int64_t left = give_up - now_ms();
        int soerror = 0;
        socklen_t size = sizeof soerror;
        if (left <= 0 || poll(&p, 1, (int)left) != 1 || getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerror, &size) ||
            soerror) {
            close(fd);
            fd = -1;
        }
    }
    freeaddrinfo(addresses);
    if (fd < 0) return fail(error, NODEPLAN_UNAVAILABLE, NULL, "cannot connect to %s:%u", host, port);
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

nodeplan_client *nodeplan_connect(const char *host, uint16_t port, const char *token, int timeout_ms,
                                  nodeplan_error *error) {
    int64_t give_up = now_ms() + timeout_ms;
    nodeplan_client *c = calloc(1, sizeof *c);
    if (!c) { fail(error, NODEPLAN_RESOURCE_EXHAUSTED, NULL, "out of memory"); return NULL; }
    c->next_stream = 1;
    c->fd = open_socket(host, port, give_up, error);
    if (c->fd < 0) { free(c); return NULL; }

    Nodeplan__V1__Hello hello = NODEPLAN__V1__HELLO__INIT;
    hello.protocol_version = 1;
    hello.token = (char *)token;
    hello.client = "nodeplan-client (c)";
    size_t length = nodeplan__v1__hello__get_packed_size(&hello);
    uint8_t *bytes = malloc(length ? length : 1);
    nodeplan__v1__hello__pack(&hello, bytes);
    int status = send_frame(c, NODEPLAN_FRAME_HELLO, 0, 0, 0, bytes, length, 0, error);
    free(bytes);
    nodeplan_frame frame;
    if (!status) status = receive_frame(c, &frame, give_up, error);
    if (!status && frame.type == NODEPLAN_FRAME_ERROR) status = error_frame(&frame, error);
    if (!status && frame.type != NODEPLAN_FRAME_HELLO)
        status = fail(error, NODEPLAN_UNKNOWN, NULL, "expected HELLO, got frame type %u", frame.type);
    if (!status && !nodeplan_frame_message(&frame, MAX_DECOMPRESSED_BYTES, &bytes, &length, error)) {
        c->hello_ack = nodeplan__v1__hello_ack__unpack(NULL, length, bytes);
        free(bytes);
        if (!c->hello_ack) status = fail(error, NODEPLAN_UNKNOWN, NULL, "unreadable HelloAck");
    } else if (!status) {
        status = -1;
    }
    if (status) { nodeplan_close(c); return NULL; }
    return c;
}

const Nodeplan__V1__HelloAck *nodeplan_hello_ack(const nodeplan_client *client) { return client->hello_ack; }

/* One call: sends the request, answers pings, skips stale frames; on success *out is the message. */
static int call(nodeplan_client *c, uint8_t method, const uint8_t *request, size_t length, uint32_t deadline_ms,
                uint8_t **out, size_t *out_length, nodeplan_error *error) {
    uint32_t stream = c->next_stream++;
    int64_t give_up = deadline_ms ? now_ms() + deadline_ms + DEADLINE_GRACE_MS : -1;
    if (send_frame(c, NODEPLAN_FRAME_REQUEST, method, stream, deadline_ms, request, length, 1, error)) return -1;
    for (;;) {
        nodeplan_frame frame;
        if (receive_frame(c, &frame, give_up, error)) {
            if (error && error->code == NODEPLAN_DEADLINE_EXCEEDED)
                send_frame(c, NODEPLAN_FRAME_CANCEL, 0, stream, 0, NULL, 0, 0, NULL);
            return -1;
        }
        if (frame.type == NODEPLAN_FRAME_PING) {
            if (send_frame(c, NODEPLAN_FRAME_PONG, 0, 0, 0, frame.payload, frame.payload_length, 0, error)) return -1;
        } else if (frame.type == NODEPLAN_FRAME_ERROR && (frame.stream_id == 0 || frame.stream_id == stream)) {
            return error_frame(&frame, error);
        } else if (frame.type == NODEPLAN_FRAME_RESPONSE && frame.stream_id == stream) {
            return nodeplan_frame_message(&frame, MAX_DECOMPRESSED_BYTES, out, out_length, error);
        }
        /* GOAWAY lets this call finish; frames of other streams are stale. */
    }
}

Nodeplan__V1__SolveResponse *nodeplan_solve(nodeplan_client *c, const uint8_t *snapshot, size_t length,
                                            uint32_t deadline_ms, nodeplan_error *error) {
    /* SolveRequest = field 1 (tag 0x0A), length-delimited: the snapshot bytes are wrapped, not re-encoded. */
    uint8_t *request = malloc(length + 11), *out;
    size_t used = 0, value = length, out_length;
    if (!request) { fail(error, NODEPLAN_RESOURCE_EXHAUSTED, NULL, "out of memory"); return NULL; }
    request[used++] = 0x0A;
    do {
        request[used++] = (uint8_t)((value & 0x7F) | (value >= 0x80 ? 0x80 : 0));
        value >>= 7;
    } while (value);
    if (length) memcpy(request + used, snapshot, length);
    int status = call(c, NODEPLAN_METHOD_SOLVE, request, used + length, deadline_ms, &out, &out_length, error);
    free(request);
    if (status) return NULL;
    Nodeplan__V1__SolveResponse *response = nodeplan__v1__solve_response__unpack(NULL, out_length, out);
    free(out);
    if (!response) fail(error, NODEPLAN_UNKNOWN, NULL, "unreadable SolveResponse");
    return response;
}

void nodeplan_solve_response_free(Nodeplan__V1__SolveResponse *response) {
    if (response) nodeplan__v1__solve_response__free_unpacked(response, NULL);
}

int nodeplan_health(nodeplan_client *c, uint32_t deadline_ms, Nodeplan__V1__ServingStatus *status,
                    nodeplan_error *error) {
    uint8_t *out;
    size_t out_length;
    if (call(c, NODEPLAN_METHOD_HEALTH, NULL, 0, deadline_ms, &out, &out_length, error)) return -1;
    Nodeplan__V1__HealthResponse *response = nodeplan__v1__health_response__unpack(NULL, out_length, out);
    free(out);
    if (!response) return fail(error, NODEPLAN_UNKNOWN, NULL, "unreadable HealthResponse");
    *status = response->status;
    nodeplan__v1__health_response__free_unpacked(response, NULL);
    return 0;
}

void nodeplan_close(nodeplan_client *c) {
    if (!c) return;
    if (c->fd >= 0) close(c->fd);
    if (c->hello_ack) nodeplan__v1__hello_ack__free_unpacked(c->hello_ack, NULL);
    free(c->payload);
    free(c);
}
