: error 4:5 LOCAL must be the first statement of its block
INITIAL {
    x = 1
    LOCAL a
}
