: error 3:11 unexpected character '%'
INITIAL {
    x = a % b
}
