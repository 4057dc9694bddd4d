/* Sends a snapshot file to a running nodeplan server and prints the plan.
 *   NODEPLAN_TOKEN=secret ./build/solve 127.0.0.1 7433 /tmp/s.pb */
#include <stdio.h>
#include <stdlib.h>

#include "nodeplan_client.h"

static uint8_t *read_file(const char *path, size_t *length) {
    FILE *file = fopen(path, "rb");
    if (!file) return NULL;
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    rewind(file);
    uint8_t *data = malloc(size > 0 ? (size_t)size : 1);
    *length = data ? fread(data, 1, (size_t)size, file) : 0;
    fclose(file);
    return data;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s HOST PORT SNAPSHOT.pb   (token from $NODEPLAN_TOKEN)\n", argv[0]);
        return 2;
    }
    size_t length;
    uint8_t *snapshot = read_file(argv[3], &length);
    if (!snapshot) { perror(argv[3]); return 2; }
    const char *token = getenv("NODEPLAN_TOKEN");
    nodeplan_error error;
    nodeplan_client *client = nodeplan_connect(argv[1], (uint16_t)atoi(argv[2]), token ? token : "", 10000, &error);
    if (!client) {
        fprintf(stderr, "connect failed: code %d: %s\n", error.code, error.message);
        free(snapshot);
        return 1;
    }
    printf("server %s\n", nodeplan_hello_ack(client)->server);
    Nodeplan__V1__SolveResponse *response = nodeplan_solve(client, snapshot, length, 10000, &error);
    free(snapshot);
    if (!response) {
        fprintf(stderr, "solve failed: code %d at '%s': %s\n", error.code, error.field_path, error.message);
        nodeplan_close(client);
        return 1;
    }
    const Nodeplan__V1__Plan *plan = response->plan;
    for (size_t i = 0; plan && i < plan->n_launches; i++) {
        const Nodeplan__V1__NodeLaunch *launch = plan->launches[i];
        printf("launch %s: %s in zone %s, %zu pods, %.4f USD/h\n", launch->name, launch->choice->instance_type,
               launch->choice->zone, launch->n_pods, launch->choice->price);
    }
    for (size_t i = 0; plan && i < plan->n_unschedulable; i++)
        printf("unschedulable pod %u: %s\n", plan->unschedulable[i]->pod, plan->unschedulable[i]->reason);
    nodeplan_solve_response_free(response);
    nodeplan_close(client);
    return 0;
}
