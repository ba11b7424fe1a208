# Sourced by the other libraries: a loopback port nothing listens on, and a wait for one that answers.

# free_port: one the kernel hands out, through Perl (perl-base is part of every Debian system, Node.js is not).
free_port() {
  perl -MIO::Socket::INET -e 'print IO::Socket::INET->new(Listen => 1, LocalAddr => "127.0.0.1", LocalPort => 0)->sockport, "\n"'
}

# port_or_free PORT: PORT when nothing listens on it, else a free one.
port_or_free() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then free_port; else echo "$1"; fi
}

# wait_for_port PORT: up to 30 seconds.
wait_for_port() {
  for _ in $(seq 1 60); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  return 1
}
