#!/bin/sh
# Runs DynamoDB Local's JVM as a child and stops it when the Node process that started us goes away.
# Node holds our stdin open; when Node exits for any reason — Ctrl-C, SIGTERM, a crash, even SIGKILL —
# stdin reaches end-of-file, `cat` returns and the JVM is stopped. No orphan java process.
# When the JVM ends on its own (crashed, killed), we exit with its status, so Node notices at once.
exec 3<&0 # background jobs get /dev/null as stdin: keep Node's pipe on fd 3 for the reader
java "$@" </dev/null 3<&- &
jvm=$!
echo "jvm-pid $jvm"
{
  cat <&3 >/dev/null 3<&-
  kill "$jvm" 2>/dev/null
} &
reader=$!
exec 3<&-
trap 'kill "$jvm" 2>/dev/null; wait "$jvm"; exit 0' INT TERM HUP
wait "$jvm"
status=$?
# The JVM is gone; the reader must not signal its pid again (it may be reused). Its `cat` ends when
# Node closes our stdin.
kill "$reader" 2>/dev/null
exit "$status"
