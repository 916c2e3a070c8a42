: error 2:1 NET_RECEIVE block must have at least one argument
NET_RECEIVE() {
}
