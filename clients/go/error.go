package client

import (
	"fmt"

	"nodeplan/client/nodeplanpb"
)

// Error is a failed call or connection: the server's ERROR frame, a passed deadline, a cancel or a protocol fault.
// FieldPath names the offending request field (e.g. "snapshot.pods[12].spec") when the server rejected content.
type Error struct {
	Code      nodeplanpb.StatusCode
	Message   string
	FieldPath string
}

func (e *Error) Error() string {
	if e.FieldPath != "" {
		return fmt.Sprintf("%s at %s: %s", e.Code, e.FieldPath, e.Message)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

func newError(code nodeplanpb.StatusCode, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}
