from notecards.cli import main

main()
