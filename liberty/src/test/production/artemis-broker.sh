#!/usr/bin/env bash
# The standalone Artemis broker of the production profile, from the Maven Central distribution
# (apache-artemis bin tar.gz, copied into target/ by the build).
#
#   artemis-broker.sh create WORK_DIR DIST_TGZ PORT USER PASSWORD   unpack, create a broker instance
#   artemis-broker.sh start  WORK_DIR PORT                          start it, wait until it listens
#   artemis-broker.sh stop   WORK_DIR                               stop it (if it runs)
#
# The instance lives in WORK_DIR/broker; it listens on 127.0.0.1:PORT for the core protocol only.
set -euo pipefail

command=$1
# artemis-service runs the broker as ARTEMIS_USER (through sudo) when that is set: here it is the
# client user of Liberty, not an OS account
unset ARTEMIS_USER
work=$2
instance="$work/broker"

listening() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

case "$command" in
  create)
    dist=$3 port=$4 user=$5 password=$6
    # a broker left running by an interrupted build of this tree would keep the port
    if [ -x "$instance/bin/artemis-service" ]; then
      "$instance/bin/artemis-service" stop >/dev/null 2>&1 || true
    fi
    rm -rf "$work/home" "$instance"
    mkdir -p "$work/home"
    tar -xzf "$dist" -C "$work/home" --strip-components=1
    # nio and no auto-tuning: a quick, deterministic create; no web console, core protocol only
    "$work/home/bin/artemis" create --silent --force --nio --no-autotune --no-web \
      --no-amqp-acceptor --no-stomp-acceptor --no-mqtt-acceptor --no-hornetq-acceptor \
      --host 127.0.0.1 --default-port "$port" --java-memory 512M \
      --user "$user" --password "$password" --require-login "$instance" >/dev/null
    # Lectern's addresses get the embedded broker's redelivery rules: a few attempts with a
    # growing delay (time for a restarting database to return), then the dead letters
    sed -i 's|</address-settings>|   <address-setting match="lectern.#">\
            <dead-letter-address>DLQ</dead-letter-address>\
            <expiry-address>ExpiryQueue</expiry-address>\
            <max-delivery-attempts>5</max-delivery-attempts>\
            <redelivery-delay>500</redelivery-delay>\
            <redelivery-delay-multiplier>2.0</redelivery-delay-multiplier>\
            <max-redelivery-delay>10000</max-redelivery-delay>\
         </address-setting>\
      </address-settings>|' "$instance/etc/broker.xml"
    grep -q 'match="lectern.#"' "$instance/etc/broker.xml"
    echo "Artemis broker instance created in $instance (port $port)"
    ;;
  start)
    port=$3
    if listening "$port"; then
      echo "port $port is already taken: is another broker running?" >&2
      exit 1
    fi
    "$instance/bin/artemis-service" start
    for _ in $(seq 1 120); do
      listening "$port" && { echo "Artemis broker listens on 127.0.0.1:$port"; exit 0; }
      sleep 0.5
    done
    echo "Artemis broker did not listen on $port within 60 s; see $instance/log/artemis.log" >&2
    exit 1
    ;;
  stop)
    if [ -x "$instance/bin/artemis-service" ]; then
      "$instance/bin/artemis-service" stop || true
    fi
    ;;
  *)
    echo "usage: $0 create|start|stop ..." >&2
    exit 2
    ;;
esac
