: error 3:9 expected an expression, found '*'
INITIAL {
    x = * 2
}
