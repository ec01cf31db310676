import Book

Ganbook.prepareProcess()
GanbookCommand.main()
