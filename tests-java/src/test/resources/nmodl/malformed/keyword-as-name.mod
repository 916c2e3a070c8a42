: error 3:5 expected a parameter name or '}', found 'FROM'
PARAMETER {
    FROM = 1
}
