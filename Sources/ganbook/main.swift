print("ganbook")
