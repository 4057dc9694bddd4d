package client

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"google.golang.org/protobuf/proto"

	"nodeplan/client/nodeplanpb"
)

// The shared vectors of clients/testdata decode to the fields listed in vectors.json.
func TestVectors(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "testdata", "vectors.json"))
	if err != nil {
		t.Fatal(err)
	}
	var listing struct {
		Vectors []struct {
			File   string
			Header struct {
				PayloadLength int    `json:"payload_length"`
				Type          uint8  `json:"type"`
				Flags         uint8  `json:"flags"`
				Method        uint8  `json:"method"`
				StreamID      uint32 `json:"stream_id"`
				DeadlineMs    uint32 `json:"deadline_ms"`
			}
			Decoded struct {
				Message         *string
				ProtocolVersion uint32 `json:"protocol_version"`
				Token, Client   string
				MessageLength   int    `json:"message_length"`
				ClusterName     string `json:"cluster_name"`
				Region          string
				Pods            []string
				PodSpecs        int        `json:"pod_specs"`
				CPUMilli        int64      `json:"cpu_milli"`
				DeletedAt       []*float64 `json:"deleted_at"`
				Code            int32
				ErrorMessage    string `json:"error_message"`
				FieldPath       string `json:"field_path"`
			}
		}
	}
	if err := json.Unmarshal(raw, &listing); err != nil {
		t.Fatal(err)
	}
	if len(listing.Vectors) != 5 {
		t.Fatalf("%d vectors, want 5", len(listing.Vectors))
	}
	for _, v := range listing.Vectors {
		data, err := os.ReadFile(filepath.Join("..", "testdata", v.File))
		if err != nil {
			t.Fatal(err)
		}
		frame, err := DecodeFrame(data)
		if err != nil {
			t.Fatalf("%s: %v", v.File, err)
		}
		h := v.Header
		if len(frame.Payload) != h.PayloadLength || uint8(frame.Type) != h.Type || frame.Flags != h.Flags ||
			uint8(frame.Method) != h.Method || frame.StreamID != h.StreamID || frame.DeadlineMs != h.DeadlineMs {
			t.Errorf("%s: header %+v, want %+v", v.File, frame, h)
		}
		if string(frame.Encode()) != string(data) {
			t.Errorf("%s: re-encoding changes the bytes", v.File)
		}
		message, err := frame.Message(1 << 20)
		if err != nil {
			t.Fatalf("%s: %v", v.File, err)
		}
		d := v.Decoded
		switch {
		case d.Message == nil:
			if frame.Type != nodeplanpb.FrameType_FRAME_TYPE_CANCEL || len(message) != 0 {
				t.Errorf("%s: want an empty CANCEL", v.File)
			}
		case *d.Message == "nodeplan.v1.Hello":
			hello := &nodeplanpb.Hello{}
			if err := proto.Unmarshal(message, hello); err != nil || hello.ProtocolVersion != d.ProtocolVersion ||
				hello.Token != d.Token || hello.Client != d.Client {
				t.Errorf("%s: %v %v", v.File, hello, err)
			}
		case *d.Message == "nodeplan.v1.Error":
			e := &nodeplanpb.Error{}
			if err := proto.Unmarshal(message, e); err != nil || int32(e.Code) != d.Code || e.Message != d.ErrorMessage ||
				e.FieldPath != d.FieldPath {
				t.Errorf("%s: %v %v", v.File, e, err)
			}
		case *d.Message == "nodeplan.v1.SolveRequest":
			request := &nodeplanpb.SolveRequest{}
			if err := proto.Unmarshal(message, request); err != nil || len(message) != d.MessageLength {
				t.Fatalf("%s: %v (%d bytes)", v.File, err, len(message))
			}
			s := request.Snapshot
			if s.Cluster.Name != d.ClusterName || s.Cluster.Region != d.Region || len(s.PodSpecs) != d.PodSpecs ||
				len(s.Pods) != len(d.Pods) || s.PodSpecs[0].Containers[0].Requests.Milli["cpu"] != d.CPUMilli {
				t.Errorf("%s: snapshot %v", v.File, s)
			}
			for i, pod := range s.Pods {
				want := d.DeletedAt[i]
				if pod.Name != d.Pods[i] || (want == nil) != (pod.DeletedAt == nil) || (want != nil && *want != *pod.DeletedAt) {
					t.Errorf("%s: pod %d %v", v.File, i, pod)
				}
			}
		}
	}
}

// live returns a connection to the server named by NODEPLAN_ADDR (set by clients/test.sh) or skips.
func live(t *testing.T) (*Client, []byte, []byte) {
	addr := os.Getenv("NODEPLAN_ADDR")
	if addr == "" {
		t.Skip("NODEPLAN_ADDR not set: run clients/test.sh")
	}
	small, err := os.ReadFile(os.Getenv("NODEPLAN_SMALL"))
	if err != nil {
		t.Fatal(err)
	}
	big, err := os.ReadFile(os.Getenv("NODEPLAN_BIG"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	client, err := Dial(ctx, addr, os.Getenv("NODEPLAN_TOKEN"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { client.Close() })
	return client, small, big
}

func code(err error) nodeplanpb.StatusCode {
	var wireErr *Error
	if errors.As(err, &wireErr) {
		return wireErr.Code
	}
	return -1
}

func TestSolveHealthAndServerInfo(t *testing.T) {
	client, small, _ := live(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	plan, err := client.Solve(ctx, small)
	if err != nil || len(plan.Launches) == 0 {
		t.Fatalf("solve: %v, %d launches", err, len(plan.GetLaunches()))
	}
	if status, err := client.Health(ctx); err != nil || status != nodeplanpb.ServingStatus_SERVING_STATUS_SERVING {
		t.Errorf("health %v %v", status, err)
	}
	if info, err := client.ServerInfo(ctx); err != nil || info.Version == "" || len(info.ProtocolVersions) == 0 {
		t.Errorf("server info %v %v", info, err)
	}
}

func TestDeadlineExceeded(t *testing.T) {
	client, _, big := live(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	if _, err := client.Solve(ctx, big); code(err) != nodeplanpb.StatusCode_STATUS_CODE_DEADLINE_EXCEEDED {
		t.Fatalf("got %v, want DEADLINE_EXCEEDED", err)
	}
	if _, err := client.Health(context.Background()); err != nil {
		t.Errorf("connection unusable after the deadline: %v", err)
	}
}

func TestCancelSendsCancelAndKeepsTheConnection(t *testing.T) {
	client, _, big := live(t)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	if _, err := client.Solve(ctx, big); code(err) != nodeplanpb.StatusCode_STATUS_CODE_CANCELLED {
		t.Fatalf("got %v, want CANCELLED", err)
	}
	if _, err := client.Health(context.Background()); err != nil {
		t.Errorf("connection unusable after cancel: %v", err)
	}
}

func TestInvalidSnapshotNamesTheField(t *testing.T) {
	client, _, _ := live(t)
	_, err := client.SolveSnapshot(context.Background(), &nodeplanpb.Snapshot{})
	var wireErr *Error
	if !errors.As(err, &wireErr) || wireErr.Code != nodeplanpb.StatusCode_STATUS_CODE_INVALID_ARGUMENT ||
		len(wireErr.FieldPath) < 16 || wireErr.FieldPath[:16] != "snapshot.cluster" {
		t.Fatalf("got %v, want INVALID_ARGUMENT at snapshot.cluster", err)
	}
}

func TestWrongTokenIsUnauthenticated(t *testing.T) {
	live(t)
	_, err := Dial(context.Background(), os.Getenv("NODEPLAN_ADDR"), "not-the-token")
	if code(err) != nodeplanpb.StatusCode_STATUS_CODE_UNAUTHENTICATED {
		t.Fatalf("got %v, want UNAUTHENTICATED", err)
	}
}
