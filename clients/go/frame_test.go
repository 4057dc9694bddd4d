package client

import (
	"bytes"
	"testing"

	"nodeplan/client/nodeplanpb"
)

func TestHeaderLayoutMatchesTheProtocolExample(t *testing.T) {
	frame := Frame{Type: nodeplanpb.FrameType_FRAME_TYPE_REQUEST, Flags: FlagEndStream, Method: nodeplanpb.Method_METHOD_CONSOLIDATE,
		StreamID: 0x01020304, DeadlineMs: 0x0A0B0C0D, Payload: []byte{0xEE, 0xFF}}
	want := []byte{0, 0, 0, 2, 1, 2, 2, 2, 1, 2, 3, 4, 0x0A, 0x0B, 0x0C, 0x0D, 0xEE, 0xFF}
	if !bytes.Equal(frame.Encode(), want) {
		t.Fatalf("% x", frame.Encode())
	}
}

func TestBadVersionIsUnimplemented(t *testing.T) {
	_, err := DecodeFrame([]byte{0, 0, 0, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	if code(err) != nodeplanpb.StatusCode_STATUS_CODE_UNIMPLEMENTED {
		t.Fatalf("got %v", err)
	}
}

func TestCompressedPayloadsRoundTripAndAreBounded(t *testing.T) {
	payload := bytes.Repeat([]byte("nodeplan "), 500)
	frame, err := messageFrame(nodeplanpb.FrameType_FRAME_TYPE_REQUEST, nodeplanpb.Method_METHOD_SOLVE, 1, 0, payload, true)
	if err != nil || frame.Flags&FlagCompressed == 0 {
		t.Fatalf("not compressed: %v", err)
	}
	if out, err := frame.Message(1 << 20); err != nil || !bytes.Equal(out, payload) {
		t.Fatalf("round trip: %v", err)
	}
	if _, err := frame.Message(100); code(err) != nodeplanpb.StatusCode_STATUS_CODE_RESOURCE_EXHAUSTED {
		t.Errorf("limit: got %v", err)
	}
	frame.Payload = frame.Payload[:len(frame.Payload)-5]
	if _, err := frame.Message(1 << 20); code(err) != nodeplanpb.StatusCode_STATUS_CODE_INVALID_ARGUMENT {
		t.Errorf("truncated: got %v", err)
	}
}
