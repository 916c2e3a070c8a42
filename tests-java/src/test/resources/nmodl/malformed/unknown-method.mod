: error 3:25 unknown method 'magic'
BREAKPOINT {
    SOLVE states METHOD magic
}
