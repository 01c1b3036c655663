#!/bin/sh
# Runs DynamoDB Local's JVM as a child and stops it when the Node process that started us goes away.
# Node holds our stdin open; when Node exits for any reason — Ctrl-C, SIGTERM, a crash, even SIGKILL —
# stdin reaches end-of-file, `cat` returns and the JVM is stopped. No orphan java process.
java "$@" &
jvm=$!
echo "jvm-pid $jvm"
trap 'kill "$jvm" 2>/dev/null; wait "$jvm"; exit 0' INT TERM HUP
cat > /dev/null
kill "$jvm" 2>/dev/null
wait "$jvm"
