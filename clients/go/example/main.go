// Sends a snapshot file to a running nodeplan server and prints the plan.
//
//	NODEPLAN_TOKEN=secret go run ./example 127.0.0.1:7433 /tmp/s.pb
package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"nodeplan/client"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: example HOST:PORT SNAPSHOT.pb   (token from $NODEPLAN_TOKEN)")
		os.Exit(2)
	}
	snapshot, err := os.ReadFile(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, err := client.Dial(ctx, os.Args[1], os.Getenv("NODEPLAN_TOKEN"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "connect failed:", err)
		os.Exit(1)
	}
	defer c.Close()
	plan, err := c.Solve(ctx, snapshot)
	if err != nil {
		fmt.Fprintln(os.Stderr, "solve failed:", err)
		os.Exit(1)
	}
	for _, launch := range plan.Launches {
		fmt.Printf("launch %s: %s in zone %s, %d pods, %.4f USD/h\n", launch.Name, launch.Choice.InstanceType,
			launch.Choice.Zone, len(launch.Pods), launch.Choice.Price)
	}
	for _, unplaced := range plan.Unschedulable {
		fmt.Printf("unschedulable pod %d: %s\n", unplaced.Pod, unplaced.Reason)
	}
}
