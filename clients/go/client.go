package client

import (
	"context"
	"errors"
	"net"
	"sync"
	"time"

	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"

	"nodeplan/client/nodeplanpb"
)

// Client is one authenticated connection; its methods may be called from several goroutines at once.
type Client struct {
	conn     net.Conn
	HelloAck *nodeplanpb.HelloAck

	writeMu sync.Mutex
	mu      sync.Mutex
	next    uint32
	pending map[uint32]chan Frame
	failure *Error
	done    chan struct{}
}

// Dial connects to addr ("host:port") and authenticates with token; ctx bounds both.
// A refused token is an *Error with code UNAUTHENTICATED.
func Dial(ctx context.Context, addr, token string) (*Client, error) {
	var dialer net.Dialer
	conn, err := dialer.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, newError(nodeplanpb.StatusCode_STATUS_CODE_UNAVAILABLE, "cannot connect to %s: %v", addr, err)
	}
	if deadline, ok := ctx.Deadline(); ok {
		conn.SetDeadline(deadline)
	}
	hello, _ := proto.Marshal(&nodeplanpb.Hello{ProtocolVersion: 1, Token: token, Client: "nodeplan-client (go)"})
	frame, _ := messageFrame(nodeplanpb.FrameType_FRAME_TYPE_HELLO, 0, 0, 0, hello, false)
	if _, err = conn.Write(frame.Encode()); err == nil {
		frame, err = readFrame(conn)
	}
	if err == nil && frame.Type == nodeplanpb.FrameType_FRAME_TYPE_ERROR {
		err = errorOf(frame)
	} else if err == nil && frame.Type != nodeplanpb.FrameType_FRAME_TYPE_HELLO {
		err = newError(nodeplanpb.StatusCode_STATUS_CODE_UNKNOWN, "expected HELLO, got %s", frame.Type)
	}
	ack := &nodeplanpb.HelloAck{}
	if err == nil {
		var data []byte
		if data, err = frame.Message(DefaultMaxDecompressedBytes); err == nil {
			err = proto.Unmarshal(data, ack)
		}
	}
	if err != nil {
		conn.Close()
		var wireErr *Error
		if errors.As(err, &wireErr) {
			return nil, wireErr
		}
		return nil, newError(nodeplanpb.StatusCode_STATUS_CODE_UNAVAILABLE, "hello failed: %v", err)
	}
	conn.SetDeadline(time.Time{})
	c := &Client{conn: conn, HelloAck: ack, next: 1, pending: map[uint32]chan Frame{}, done: make(chan struct{})}
	go c.readLoop()
	return c, nil
}

// Close closes the connection; calls in flight fail with UNAVAILABLE.
func (c *Client) Close() error {
	err := c.conn.Close()
	<-c.done
	return err
}

// Solve returns the provisioning plan for a serialized nodeplan.v1.Snapshot. The context's deadline is
// sent to the server; when the context ends first the call is cancelled on the server (CANCEL frame)
// and the error has code DEADLINE_EXCEEDED or CANCELLED.
func (c *Client) Solve(ctx context.Context, snapshot []byte) (*nodeplanpb.Plan, error) {
	// SolveRequest field 1 holds the snapshot: wrap the bytes instead of re-encoding them.
	request := protowire.AppendBytes(protowire.AppendTag(nil, 1, protowire.BytesType), snapshot)
	response := &nodeplanpb.SolveResponse{}
	if err := c.call(ctx, nodeplanpb.Method_METHOD_SOLVE, request, response); err != nil {
		return nil, err
	}
	return response.Plan, nil
}

// SolveSnapshot is Solve for a snapshot message.
func (c *Client) SolveSnapshot(ctx context.Context, snapshot *nodeplanpb.Snapshot) (*nodeplanpb.Plan, error) {
	data, err := proto.Marshal(snapshot)
	if err != nil {
		return nil, err
	}
	return c.Solve(ctx, data)
}

// Health returns the server's serving status.
func (c *Client) Health(ctx context.Context) (nodeplanpb.ServingStatus, error) {
	response := &nodeplanpb.HealthResponse{}
	err := c.call(ctx, nodeplanpb.Method_METHOD_HEALTH, nil, response)
	return response.Status, err
}

// ServerInfo returns the server's version, catalog version, protocol versions and methods.
func (c *Client) ServerInfo(ctx context.Context) (*nodeplanpb.ServerInfoResponse, error) {
	response := &nodeplanpb.ServerInfoResponse{}
	return response, c.call(ctx, nodeplanpb.Method_METHOD_SERVER_INFO, nil, response)
}

func (c *Client) call(ctx context.Context, method nodeplanpb.Method, request []byte, response proto.Message) error {
	deadlineMs := uint32(0)
	if deadline, ok := ctx.Deadline(); ok {
		left := time.Until(deadline).Milliseconds()
		if left < 1 {
			left = 1
		}
		if left > 0xFFFFFFFF {
			left = 0xFFFFFFFF
		}
		deadlineMs = uint32(left)
	}
	answer := make(chan Frame, 1)
	c.mu.Lock()
	if c.failure != nil {
		c.mu.Unlock()
		return c.failure
	}
	stream := c.next
	c.next++
	c.pending[stream] = answer
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		delete(c.pending, stream)
		c.mu.Unlock()
	}()

	frame, err := messageFrame(nodeplanpb.FrameType_FRAME_TYPE_REQUEST, method, stream, deadlineMs, request, true)
	if err != nil {
		return err
	}
	if limit := c.HelloAck.MaxFramePayloadBytes; limit != 0 && uint32(len(frame.Payload)) > limit || len(frame.Payload) > DefaultMaxPayloadBytes {
		return newError(nodeplanpb.StatusCode_STATUS_CODE_RESOURCE_EXHAUSTED, "request of %d bytes exceeds the server's limit", len(frame.Payload))
	}
	if err := c.write(frame); err != nil {
		return err
	}
	select {
	case reply, ok := <-answer:
		if !ok {
			return c.failure
		}
		if reply.Type == nodeplanpb.FrameType_FRAME_TYPE_ERROR {
			return errorOf(reply)
		}
		data, err := reply.Message(DefaultMaxDecompressedBytes)
		if err != nil {
			return err
		}
		if err := proto.Unmarshal(data, response); err != nil {
			return newError(nodeplanpb.StatusCode_STATUS_CODE_UNKNOWN, "unreadable response: %v", err)
		}
		return nil
	case <-ctx.Done():
		c.write(Frame{Type: nodeplanpb.FrameType_FRAME_TYPE_CANCEL, Flags: FlagEndStream, StreamID: stream})
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return newError(nodeplanpb.StatusCode_STATUS_CODE_DEADLINE_EXCEEDED, "no answer before the deadline")
		}
		return newError(nodeplanpb.StatusCode_STATUS_CODE_CANCELLED, "call cancelled")
	}
}

func (c *Client) write(frame Frame) error {
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	if _, err := c.conn.Write(frame.Encode()); err != nil {
		return newError(nodeplanpb.StatusCode_STATUS_CODE_UNAVAILABLE, "connection lost: %v", err)
	}
	return nil
}

// readLoop delivers responses and errors to their calls, answers pings and fails every call when the connection ends.
func (c *Client) readLoop() {
	defer close(c.done)
	failure := newError(nodeplanpb.StatusCode_STATUS_CODE_UNAVAILABLE, "connection closed")
	for {
		frame, err := readFrame(c.conn)
		if err != nil {
			var wireErr *Error
			if errors.As(err, &wireErr) {
				failure = wireErr
			}
			break
		}
		switch {
		case frame.Type == nodeplanpb.FrameType_FRAME_TYPE_PING:
			c.write(Frame{Type: nodeplanpb.FrameType_FRAME_TYPE_PONG, Payload: frame.Payload})
		case frame.Type == nodeplanpb.FrameType_FRAME_TYPE_ERROR && frame.StreamID == 0:
			failure = errorOf(frame)
			c.conn.Close()
		case frame.Type == nodeplanpb.FrameType_FRAME_TYPE_RESPONSE || frame.Type == nodeplanpb.FrameType_FRAME_TYPE_ERROR:
			c.mu.Lock()
			if answer, ok := c.pending[frame.StreamID]; ok {
				answer <- frame
				delete(c.pending, frame.StreamID)
			}
			c.mu.Unlock()
		}
		// GOAWAY: accepted calls still finish; later calls get UNAVAILABLE from the server.
	}
	c.mu.Lock()
	c.failure = failure
	for stream, answer := range c.pending {
		close(answer)
		delete(c.pending, stream)
	}
	c.mu.Unlock()
}

// errorOf turns an ERROR frame into an *Error.
func errorOf(frame Frame) *Error {
	data, err := frame.Message(DefaultMaxDecompressedBytes)
	if err != nil {
		return err.(*Error)
	}
	message := &nodeplanpb.Error{}
	if err := proto.Unmarshal(data, message); err != nil {
		return newError(nodeplanpb.StatusCode_STATUS_CODE_UNKNOWN, "unreadable ERROR frame: %v", err)
	}
	return &Error{Code: message.Code, Message: message.Message, FieldPath: message.FieldPath}
}
