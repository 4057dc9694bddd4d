/* Tests of the C client: the shared vectors of clients/testdata (expected values as in vectors.json),
 * then calls against a live server.
 *   client_test TESTDATA_DIR HOST PORT TOKEN SMALL_SNAPSHOT.pb BIG_SNAPSHOT.pb */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nodeplan_client.h"

static int passed, failed;

#define CHECK(condition, name)                                                     \
    do {                                                                           \
        if (condition) passed++;                                                   \
        else { failed++; fprintf(stderr, "FAIL %s (%s:%d)\n", name, __FILE__, __LINE__); } \
    } while (0)

static uint8_t *read_file(const char *dir, const char *name, size_t *length) {
    char path[4096];
    snprintf(path, sizeof path, "%s%s%s", dir ? dir : "", dir ? "/" : "", name);
    FILE *file = fopen(path, "rb");
    if (!file) { perror(path); exit(2); }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    rewind(file);
    uint8_t *data = malloc(size > 0 ? (size_t)size : 1);
    *length = fread(data, 1, (size_t)size, file);
    fclose(file);
    return data;
}

/* Decodes a vector file; returns its message bytes (free them) and the header in *frame. */
static uint8_t *vector(const char *dir, const char *name, nodeplan_frame *frame, size_t *length) {
    size_t size;
    uint8_t *data = read_file(dir, name, &size), *message = NULL;
    nodeplan_error error;
    if (nodeplan_frame_decode(data, size, frame, &error) ||
        nodeplan_frame_message(frame, 1 << 20, &message, length, &error)) {
        fprintf(stderr, "%s: %s\n", name, error.message);
        message = NULL;
    }
    free(data);
    return message;
}

static void check_solve_vector(const char *dir, const char *name, uint32_t stream, uint32_t deadline, uint8_t flags) {
    nodeplan_frame frame;
    size_t length;
    uint8_t *bytes = vector(dir, name, &frame, &length);
    CHECK(bytes != NULL, name);
    if (!bytes) return;
    CHECK(frame.type == NODEPLAN_FRAME_REQUEST && frame.method == NODEPLAN_METHOD_SOLVE && frame.flags == flags &&
          frame.stream_id == stream && frame.deadline_ms == deadline, "solve vector header");
    CHECK(length == 165, "solve vector message length");
    Nodeplan__V1__SolveRequest *request = nodeplan__v1__solve_request__unpack(NULL, length, bytes);
    free(bytes);
    CHECK(request && request->snapshot, "solve vector parses");
    if (!request || !request->snapshot) return;
    const Nodeplan__V1__Snapshot *s = request->snapshot;
    CHECK(!strcmp(s->cluster->name, "vectors") && !strcmp(s->cluster->region, "westeurope"), "cluster");
    CHECK(s->n_pods == 2 && !strcmp(s->pods[0]->name, "web-0") && !strcmp(s->pods[1]->name, "web-1"), "pods");
    CHECK(s->n_pod_specs == 1, "pod specs");
    const Nodeplan__V1__ResourceList *requests = s->pod_specs[0]->containers[0]->requests;
    int cpu = 0;
    for (size_t i = 0; i < requests->n_milli; i++)
        if (!strcmp(requests->milli[i]->key, "cpu")) cpu = (int)requests->milli[i]->value;
    CHECK(cpu == 250, "cpu request");
    CHECK(s->pods[0]->opt_deleted_at_case != NODEPLAN__V1__POD__OPT_DELETED_AT_DELETED_AT &&
          s->pods[1]->opt_deleted_at_case == NODEPLAN__V1__POD__OPT_DELETED_AT_DELETED_AT &&
          s->pods[1]->deleted_at == 1764000100.5, "optional deleted_at");
    nodeplan__v1__solve_request__free_unpacked(request, NULL);
}

static void test_vectors(const char *dir) {
    nodeplan_frame frame;
    size_t length;
    uint8_t *bytes = vector(dir, "hello.bin", &frame, &length);
    CHECK(bytes && frame.type == NODEPLAN_FRAME_HELLO && frame.flags == 0 && frame.stream_id == 0 &&
          frame.payload_length == 28, "hello header");
    Nodeplan__V1__Hello *hello = bytes ? nodeplan__v1__hello__unpack(NULL, length, bytes) : NULL;
    CHECK(hello && hello->protocol_version == 1 && !strcmp(hello->token, "secret") &&
          !strcmp(hello->client, "vectors/1 (test)"), "hello message");
    if (hello) nodeplan__v1__hello__free_unpacked(hello, NULL);
    free(bytes);

    check_solve_vector(dir, "solve_request.bin", 1, 5000, NODEPLAN_FLAG_END_STREAM);
    check_solve_vector(dir, "solve_request_zstd.bin", 2, 250, NODEPLAN_FLAG_END_STREAM | NODEPLAN_FLAG_COMPRESSED);

    bytes = vector(dir, "error.bin", &frame, &length);
    CHECK(bytes && frame.type == NODEPLAN_FRAME_ERROR && frame.stream_id == 3 && frame.method == 1, "error header");
    Nodeplan__V1__Error *error = bytes ? nodeplan__v1__error__unpack(NULL, length, bytes) : NULL;
    CHECK(error && error->code == 3 && !strcmp(error->field_path, "snapshot.pods[12].spec") &&
          !strcmp(error->message, "index 40 out of range (podSpecs has 3)"), "error message");
    if (error) nodeplan__v1__error__free_unpacked(error, NULL);
    free(bytes);

    bytes = vector(dir, "cancel.bin", &frame, &length);
    CHECK(bytes && frame.type == NODEPLAN_FRAME_CANCEL && frame.stream_id == 2 && length == 0, "cancel frame");
    free(bytes);

    /* The compressed vector's message is 165 bytes: a smaller limit refuses it, a cut payload is corrupt. */
    size_t size;
    uint8_t *data = read_file(dir, "solve_request_zstd.bin", &size), *message = NULL;
    nodeplan_error limit;
    CHECK(!nodeplan_frame_decode(data, size, &frame, &limit) &&
          nodeplan_frame_message(&frame, 100, &message, &length, &limit) && limit.code == NODEPLAN_RESOURCE_EXHAUSTED,
          "decompression stops at the limit");
    frame.payload_length -= 5;
    CHECK(nodeplan_frame_message(&frame, 1 << 20, &message, &length, &limit) &&
          limit.code == NODEPLAN_INVALID_ARGUMENT, "truncated zstd is INVALID_ARGUMENT");
    free(data);

    uint8_t bad[16] = {0, 0, 0, 0, 2, 1};
    nodeplan_error failure;
    CHECK(nodeplan_frame_decode(bad, sizeof bad, &frame, &failure) && failure.code == NODEPLAN_UNIMPLEMENTED,
          "version 2 is UNIMPLEMENTED");
}

static void test_server(const char *host, uint16_t port, const char *token, const char *small_path,
                        const char *big_path) {
    nodeplan_error error;
    size_t small_length, big_length;
    uint8_t *small = read_file(NULL, small_path, &small_length), *big = read_file(NULL, big_path, &big_length);

    nodeplan_client *refused = nodeplan_connect(host, port, "not-the-token", 10000, &error);
    CHECK(!refused && error.code == NODEPLAN_UNAUTHENTICATED, "wrong token is UNAUTHENTICATED");

    nodeplan_client *client = nodeplan_connect(host, port, token, 10000, &error);
    CHECK(client != NULL, "connect");
    if (!client) { fprintf(stderr, "connect: %s\n", error.message); free(small); free(big); return; }
    CHECK(nodeplan_hello_ack(client)->protocol_version == 1, "hello ack");

    Nodeplan__V1__ServingStatus status = 0;
    CHECK(!nodeplan_health(client, 5000, &status, &error) && status == NODEPLAN__V1__SERVING_STATUS__SERVING_STATUS_SERVING,
          "health");

    Nodeplan__V1__SolveResponse *response = nodeplan_solve(client, small, small_length, 30000, &error);
    CHECK(response && response->plan && response->plan->n_launches > 0, "solve returns launches");
    nodeplan_solve_response_free(response);

    response = nodeplan_solve(client, big, big_length, 1, &error);
    CHECK(!response && error.code == NODEPLAN_DEADLINE_EXCEEDED, "tiny deadline is DEADLINE_EXCEEDED");
    nodeplan_solve_response_free(response);

    response = nodeplan_solve(client, NULL, 0, 5000, &error);
    CHECK(!response && error.code == NODEPLAN_INVALID_ARGUMENT && !strncmp(error.field_path, "snapshot.cluster", 16),
          "empty snapshot names snapshot.cluster");
    nodeplan_solve_response_free(response);

    CHECK(!nodeplan_health(client, 5000, &status, &error), "connection usable after errors");
    nodeplan_close(client);
    free(small);
    free(big);
}

int main(int argc, char **argv) {
    if (argc != 2 && argc != 7) {
        fprintf(stderr, "usage: %s TESTDATA [HOST PORT TOKEN SMALL.pb BIG.pb]\n", argv[0]);
        return 2;
    }
    test_vectors(argv[1]);
    if (argc == 7) test_server(argv[2], (uint16_t)atoi(argv[3]), argv[4], argv[5], argv[6]);
    printf("c client: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
