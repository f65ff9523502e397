x = a.await
