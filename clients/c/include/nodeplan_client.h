/* Blocking C client for the nodeplan solver's framed TCP protocol (docs/protocol.md).
 *
 * One call at a time per connection. Every function that can fail takes a nodeplan_error that it
 * fills on failure (code = gRPC status code, message, field_path of the offending request field). */
#ifndef NODEPLAN_CLIENT_H
#define NODEPLAN_CLIENT_H

#include <stddef.h>
#include <stdint.h>

#include "nodeplan/v1/frames.pb-c.h"
#include "nodeplan/v1/service.pb-c.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Status codes (same numbers as nodeplan.v1.StatusCode / gRPC). */
enum {
    NODEPLAN_OK = 0,
    NODEPLAN_CANCELLED = 1,
    NODEPLAN_UNKNOWN = 2,
    NODEPLAN_INVALID_ARGUMENT = 3,
    NODEPLAN_DEADLINE_EXCEEDED = 4,
    NODEPLAN_RESOURCE_EXHAUSTED = 8,
    NODEPLAN_UNIMPLEMENTED = 12,
    NODEPLAN_INTERNAL = 13,
    NODEPLAN_UNAVAILABLE = 14,
    NODEPLAN_UNAUTHENTICATED = 16,
};

/* Frame types and methods of the 16-byte header. */
enum { NODEPLAN_FRAME_HELLO = 1, NODEPLAN_FRAME_REQUEST, NODEPLAN_FRAME_RESPONSE, NODEPLAN_FRAME_ERROR,
       NODEPLAN_FRAME_CANCEL, NODEPLAN_FRAME_PING, NODEPLAN_FRAME_PONG, NODEPLAN_FRAME_GOAWAY };
enum { NODEPLAN_METHOD_SOLVE = 1, NODEPLAN_METHOD_CONSOLIDATE, NODEPLAN_METHOD_PLAN, NODEPLAN_METHOD_VALIDATE,
       NODEPLAN_METHOD_HEALTH, NODEPLAN_METHOD_SERVER_INFO };
#define NODEPLAN_FLAG_COMPRESSED 0x01u
#define NODEPLAN_FLAG_END_STREAM 0x02u

typedef struct nodeplan_error {
    int code;
    char message[512];
    char field_path[256];
} nodeplan_error;

/* A decoded frame; payload points into the caller's buffer (nodeplan_frame_decode) or is owned by
 * the client until the next call. */
typedef struct nodeplan_frame {
    uint8_t type, flags, method;
    uint32_t stream_id, deadline_ms;
    const uint8_t *payload;
    size_t payload_length;
} nodeplan_frame;

typedef struct nodeplan_client nodeplan_client;

/* Decodes exactly one frame from data (header checks of docs/protocol.md §8). 0 on success. */
int nodeplan_frame_decode(const uint8_t *data, size_t length, nodeplan_frame *frame, nodeplan_error *error);

/* The frame's protobuf bytes, decompressed (bounded by max_bytes) when COMPRESSED. Free *out with free(). */
int nodeplan_frame_message(const nodeplan_frame *frame, size_t max_bytes, uint8_t **out, size_t *out_length,
                           nodeplan_error *error);

/* Connects and authenticates within timeout_ms. NULL on failure (UNAUTHENTICATED for a refused token). */
nodeplan_client *nodeplan_connect(const char *host, uint16_t port, const char *token, int timeout_ms,
                                  nodeplan_error *error);

/* The server's HelloAck (owned by the client). */
const Nodeplan__V1__HelloAck *nodeplan_hello_ack(const nodeplan_client *client);

/* Solves a serialized nodeplan.v1.Snapshot. deadline_ms (0 = none) is sent to the server; the client
 * waits up to deadline_ms + 1 s for the answer, then cancels the call and reports DEADLINE_EXCEEDED.
 * Returns the response (the plan is ->plan); free it with nodeplan_solve_response_free. */
Nodeplan__V1__SolveResponse *nodeplan_solve(nodeplan_client *client, const uint8_t *snapshot, size_t length,
                                            uint32_t deadline_ms, nodeplan_error *error);
void nodeplan_solve_response_free(Nodeplan__V1__SolveResponse *response);

/* The server's serving status (Nodeplan__V1__ServingStatus). 0 on success. */
int nodeplan_health(nodeplan_client *client, uint32_t deadline_ms, Nodeplan__V1__ServingStatus *status,
                    nodeplan_error *error);

/* Closes the connection and frees the client. */
void nodeplan_close(nodeplan_client *client);

#ifdef __cplusplus
}
#endif

#endif
