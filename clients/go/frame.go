// Package client is a Go client for the nodeplan solver's framed TCP protocol (docs/protocol.md).
package client

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/klauspost/compress/zstd"

	"nodeplan/client/nodeplanpb"
)

const (
	headerSize = 16
	version    = 1
	// Payloads of this size or more are sent zstd-compressed, like the Swift implementation does.
	compressionThreshold = 1024
	// DefaultMaxPayloadBytes and DefaultMaxDecompressedBytes are the protocol's default limits.
	DefaultMaxPayloadBytes      = 64 << 20
	DefaultMaxDecompressedBytes = 512 << 20

	FlagCompressed = 0x01
	FlagEndStream  = 0x02
)

// Frame is one protocol frame; Payload is as sent (still compressed when FlagCompressed is set).
type Frame struct {
	Type       nodeplanpb.FrameType
	Flags      uint8
	Method     nodeplanpb.Method
	StreamID   uint32
	DeadlineMs uint32
	Payload    []byte
}

// Encode writes the 16-byte header followed by the payload.
func (f Frame) Encode() []byte {
	out := make([]byte, headerSize+len(f.Payload))
	binary.BigEndian.PutUint32(out[0:], uint32(len(f.Payload)))
	out[4] = version
	out[5] = uint8(f.Type)
	out[6] = f.Flags
	out[7] = uint8(f.Method)
	binary.BigEndian.PutUint32(out[8:], f.StreamID)
	binary.BigEndian.PutUint32(out[12:], f.DeadlineMs)
	copy(out[headerSize:], f.Payload)
	return out
}

// parseHeader checks a header (docs/protocol.md §8) and returns the frame without payload and the payload length.
func parseHeader(h []byte) (Frame, uint32, error) {
	length := binary.BigEndian.Uint32(h[0:])
	switch {
	case h[4] != version:
		return Frame{}, 0, newError(nodeplanpb.StatusCode_STATUS_CODE_UNIMPLEMENTED, "frame version %d is not 1", h[4])
	case h[5] < 1 || h[5] > 8:
		return Frame{}, 0, newError(nodeplanpb.StatusCode_STATUS_CODE_INVALID_ARGUMENT, "frame type %d is not 1...8", h[5])
	case h[7] > 6:
		return Frame{}, 0, newError(nodeplanpb.StatusCode_STATUS_CODE_INVALID_ARGUMENT, "method %d is not 0...6", h[7])
	case length > DefaultMaxPayloadBytes:
		return Frame{}, 0, newError(nodeplanpb.StatusCode_STATUS_CODE_RESOURCE_EXHAUSTED, "payload of %d bytes exceeds the limit", length)
	case h[6]&^(FlagCompressed|FlagEndStream) != 0:
		return Frame{}, 0, newError(nodeplanpb.StatusCode_STATUS_CODE_INVALID_ARGUMENT, "unknown flag bits %#02x", h[6])
	}
	return Frame{
		Type: nodeplanpb.FrameType(h[5]), Flags: h[6], Method: nodeplanpb.Method(h[7]),
		StreamID: binary.BigEndian.Uint32(h[8:]), DeadlineMs: binary.BigEndian.Uint32(h[12:]),
	}, length, nil
}

// DecodeFrame decodes exactly one complete frame.
func DecodeFrame(data []byte) (Frame, error) {
	if len(data) < headerSize {
		return Frame{}, newError(nodeplanpb.StatusCode_STATUS_CODE_INVALID_ARGUMENT, "frame shorter than its header")
	}
	frame, length, err := parseHeader(data[:headerSize])
	if err != nil {
		return Frame{}, err
	}
	if uint32(len(data)-headerSize) != length {
		return Frame{}, newError(nodeplanpb.StatusCode_STATUS_CODE_INVALID_ARGUMENT, "frame holds %d payload bytes, header says %d", len(data)-headerSize, length)
	}
	frame.Payload = data[headerSize:]
	return frame, nil
}

// readFrame reads one frame from r.
func readFrame(r io.Reader) (Frame, error) {
	header := make([]byte, headerSize)
	if _, err := io.ReadFull(r, header); err != nil {
		return Frame{}, err
	}
	frame, length, err := parseHeader(header)
	if err != nil {
		return Frame{}, err
	}
	frame.Payload = make([]byte, length)
	if _, err := io.ReadFull(r, frame.Payload); err != nil {
		return Frame{}, err
	}
	return frame, nil
}

// Message returns the payload's protobuf bytes, decompressed under maxBytes when the frame is compressed.
func (f Frame) Message(maxBytes int) ([]byte, error) {
	if f.Flags&FlagCompressed == 0 {
		if len(f.Payload) > maxBytes {
			return nil, newError(nodeplanpb.StatusCode_STATUS_CODE_RESOURCE_EXHAUSTED, "message larger than the limit")
		}
		return f.Payload, nil
	}
	decoder, err := zstd.NewReader(bytes.NewReader(f.Payload), zstd.WithDecoderMaxMemory(uint64(maxBytes)+1), zstd.WithDecoderConcurrency(1))
	if err != nil {
		return nil, newError(nodeplanpb.StatusCode_STATUS_CODE_INTERNAL, "zstd: %v", err)
	}
	defer decoder.Close()
	out, err := io.ReadAll(io.LimitReader(decoder, int64(maxBytes)+1))
	if errors.Is(err, zstd.ErrDecoderSizeExceeded) || errors.Is(err, zstd.ErrWindowSizeExceeded) {
		return nil, newError(nodeplanpb.StatusCode_STATUS_CODE_RESOURCE_EXHAUSTED, "message decompresses past %d bytes", maxBytes)
	}
	if err != nil {
		return nil, newError(nodeplanpb.StatusCode_STATUS_CODE_INVALID_ARGUMENT, "payload is not valid zstd: %v", err)
	}
	if len(out) > maxBytes {
		return nil, newError(nodeplanpb.StatusCode_STATUS_CODE_RESOURCE_EXHAUSTED, "message decompresses past %d bytes", maxBytes)
	}
	return out, nil
}

// messageFrame builds a frame carrying protobuf bytes, compressing them from compressionThreshold on.
func messageFrame(t nodeplanpb.FrameType, method nodeplanpb.Method, stream, deadlineMs uint32, payload []byte, compressible bool) (Frame, error) {
	flags := uint8(0)
	if stream != 0 {
		flags |= FlagEndStream
	}
	if compressible && len(payload) >= compressionThreshold {
		encoder, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedDefault), zstd.WithEncoderCRC(true), zstd.WithEncoderConcurrency(1))
		if err != nil {
			return Frame{}, fmt.Errorf("zstd: %w", err)
		}
		payload = encoder.EncodeAll(payload, nil)
		encoder.Close()
		flags |= FlagCompressed
	}
	return Frame{Type: t, Flags: flags, Method: method, StreamID: stream, DeadlineMs: deadlineMs, Payload: payload}, nil
}
