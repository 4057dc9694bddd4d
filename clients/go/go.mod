module nodeplan/client

go 1.19

require (
	github.com/klauspost/compress v1.15.12
	google.golang.org/protobuf v1.28.1
)
